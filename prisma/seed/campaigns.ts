// The demo campaign: letters on the 2019 prosecutions under Article 405, in our own words.
export interface DemoTemplate {
  name: string;
  language: string;
  targetKind: "embassy" | "mep" | "official" | "other" | null;
  subject: string;
  body: string;
}

export interface DemoCampaign {
  caseSlug: string;
  slug: string;
  title: string;
  summary: string;
  callToAction: string;
  status: "draft" | "live" | "closed";
  startsOn: string;
  targetKinds: string[];
  targetCountries: string[];
  targetTags: string[];
  petitionText: string;
  signatureGoal: number;
  templates: DemoTemplate[];
  /** The organisers' translations of the campaign's texts, per language (app/content/). */
  translations: Partial<Record<string, Partial<Record<"title" | "summary" | "callToAction" | "petitionText", string>>>>;
}

// One template serves a section's letters ("we", on behalf of the section) and a supporter's own
// letter ("I", in their name): sender.supporter tells them apart.
const officialLetter = `{{ target.salutation }},

{% if sender.supporter %}I am writing to you about {{ people_names }}.{% else %}We write on behalf of {{ sender.name }}, {{ sender.organisation }}, about {{ people_names }}.{% endif %}

{{ case.summary }}

{% for person in people %}- {{ person.name }}: {{ person.status }}{% if person.status_since != "" %} since {{ person.status_since }}{% endif %}{% if person.held_at != "" %}, held at {{ person.held_at }}{% endif %}.{% for charge in person.charges %} Charged under {{ charge.text }}.{% endfor %}
{% endfor %}
None of them did more than exercise rights that Kazakhstan has promised to protect. {% if sender.supporter %}I{% else %}We{% endif %} therefore ask you:
{% for demand in demands %}- {{ demand }}
{% endfor %}
{% if sender.supporter %}I{% else %}We{% endif %} would be grateful for a reply about the steps your office is taking.

{{ sender.city }}{% if sender.city != "" %}, {% endif %}{{ date }}`;

const mepLetter = `{{ target.salutation }},

{% if sender.supporter %}I am writing to ask for your help{% else %}As {{ sender.name }} of {{ sender.organisation }}, we ask for your help{% endif %} for {{ people_names }}, prosecuted in {{ case.country }} for their alleged support of a peaceful opposition movement.

{{ case.summary }}

Please raise their cases with the Kazakh authorities and with the EU delegation in Astana, and ask for:
{% for demand in demands %}- {{ demand }}
{% endfor %}
The facts, with their sources, are on this page: {{ case.url }}

Thank you for your attention.`;

export const demoCampaigns: DemoCampaign[] = [
  {
    caseSlug: "dck-supporters-2019",
    slug: "free-the-article-405-prisoners",
    title: "Free the people prosecuted under Article 405",
    summary:
      "Mothers of large families, a pensioner and a doctor are among those held in pre-trial detention or under house arrest in Kazakhstan for their alleged support of a banned opposition movement. Write to the embassy in your country, to your MEPs and to the Kazakh authorities.",
    callToAction: "Ask for their release and for the charges to be dropped.",
    status: "live",
    startsOn: "2026-11-01",
    targetKinds: ["embassy", "mep", "official"],
    targetCountries: [],
    targetTags: ["droi", "dcas"],
    petitionText:
      "We call on the authorities of Kazakhstan to release everyone held in pre-trial detention or under house arrest for their alleged support of the Democratic Choice of Kazakhstan, to drop the charges under Article 405 of the Criminal Code, and to investigate the ill-treatment of detainees. Peaceful opposition is not a crime.",
    signatureGoal: 5000,
    templates: [
      {
        name: "Letter to officials and embassies",
        language: "en",
        targetKind: null,
        subject: "Release the people prosecuted under Article 405 in Kazakhstan",
        body: officialLetter,
      },
      {
        name: "Letter to MEPs",
        language: "en",
        targetKind: "mep",
        subject: "Please act for the Article 405 prisoners in Kazakhstan",
        body: mepLetter,
      },
    ],
    translations: {
      de: {
        title: "Freiheit für die nach Artikel 405 Verfolgten",
        summary:
          "Mütter kinderreicher Familien, ein Rentner und ein Arzt gehören zu denen, die in Kasachstan in Untersuchungshaft oder unter Hausarrest stehen, weil sie eine verbotene Oppositionsbewegung unterstützt haben sollen. Schreiben Sie an die Botschaft in Ihrem Land, an Ihre Europaabgeordneten und an die kasachischen Behörden.",
        callToAction: "Fordern Sie ihre Freilassung und die Einstellung der Verfahren.",
        petitionText:
          "Wir fordern die Behörden Kasachstans auf, alle freizulassen, die wegen ihrer mutmaßlichen Unterstützung der Demokratischen Wahl Kasachstans in Untersuchungshaft oder unter Hausarrest stehen, die Anklagen nach Artikel 405 des Strafgesetzbuches fallen zu lassen und die Misshandlung von Gefangenen zu untersuchen. Friedliche Opposition ist kein Verbrechen.",
      },
    },
  },
];
