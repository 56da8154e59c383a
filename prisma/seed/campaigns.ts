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

// The same letters in the languages their targets read: Russian for the Kazakh officials and
// embassies, German and French for MEPs. The case's summary and demands are written out in each
// language here, since the case's own texts are in English.
const peopleNamesDe = `{% for person in people %}{{ person.name }}{% if forloop.last %}{% elsif forloop.rindex == 2 %} und {% else %}, {% endif %}{% endfor %}`;
const peopleNamesFr = `{% for person in people %}{{ person.name }}{% if forloop.last %}{% elsif forloop.rindex == 2 %} et {% else %}, {% endif %}{% endfor %}`;

const officialLetterRu = `Ваше Превосходительство!

{% if sender.supporter %}Я обращаюсь к Вам по поводу следующих людей:{% else %}Мы обращаемся к Вам от имени {{ sender.name }} ({{ sender.organisation }}) по поводу следующих людей:{% endif %}
{% for person in people %}- {{ person.name }}
{% endfor %}
В 2019 году власти Казахстана усилили уголовное преследование людей, которых обвиняют в поддержке движения «Демократический выбор Казахстана» (ДВК), признанного судом экстремистским в марте 2018 года. В связи с мирными акциями протеста 6 июля 2019 года по меньшей мере семь человек были заключены под стражу и не менее семи помещены под домашний арест. Среди них три многодетные матери, 68-летний пенсионер и врач. На их родственников оказывалось давление, их банковские счета были заблокированы.

Никто из них не сделал ничего, кроме осуществления прав, которые Казахстан обязался защищать. {% if sender.supporter %}Поэтому я прошу Вас:{% else %}Поэтому мы просим Вас:{% endif %}
- освободить всех, кто содержится под стражей или под домашним арестом за мирный протест или предполагаемую поддержку ДВК, и прекратить возбуждённые против них уголовные и административные дела;
- прекратить уголовное преследование по статье 405 Уголовного кодекса за мирную оппозиционную деятельность;
- расследовать жестокое обращение с задержанными и привлечь виновных к ответственности.

{% if sender.supporter %}Прошу{% else %}Просим{% endif %} сообщить о мерах, которые будут приняты.

Факты и их источники: {{ case.url }}`;

const mepLetterDe = `Guten Tag {{ target.name }},

{% if sender.supporter %}ich bitte Sie um Ihre Unterstützung{% else %}im Namen von {{ sender.name }} ({{ sender.organisation }}) bitten wir Sie um Ihre Unterstützung{% endif %} für ${peopleNamesDe}. Sie werden in Kasachstan strafrechtlich verfolgt, weil sie eine friedliche Oppositionsbewegung unterstützt haben sollen.

Im Jahr 2019 verschärften die kasachischen Behörden die Strafverfolgung von Menschen, denen die Unterstützung der Bewegung „Demokratische Wahl Kasachstans“ (DVK) vorgeworfen wird; ein Gericht hatte die Bewegung im März 2018 für extremistisch erklärt. Im Zusammenhang mit den friedlichen Protesten vom 6. Juli 2019 kamen mindestens sieben Menschen in Untersuchungshaft und mindestens sieben weitere unter Hausarrest, darunter drei Mütter kinderreicher Familien, ein 68-jähriger Rentner und ein Arzt.

Bitte sprechen Sie ihre Fälle gegenüber den kasachischen Behörden und der EU-Delegation in Astana an und setzen Sie sich dafür ein,
- dass alle freigelassen werden, die wegen friedlichen Protests oder der mutmaßlichen Unterstützung der DVK in Untersuchungshaft oder unter Hausarrest stehen, und dass die Verfahren gegen sie eingestellt werden;
- dass die Entschließung des Europäischen Parlaments vom 14. März 2019 umgesetzt wird;
- dass die Misshandlung von Demonstrierenden und Gefangenen untersucht wird und die Verantwortlichen zur Rechenschaft gezogen werden.

Die Fakten mit ihren Quellen finden Sie hier: {{ case.url }}

Vielen Dank für Ihre Aufmerksamkeit.`;

const mepLetterFr = `Madame la Députée, Monsieur le Député,

{% if sender.supporter %}Je vous écris pour vous demander votre aide{% else %}Au nom de {{ sender.name }} ({{ sender.organisation }}), nous vous demandons votre aide{% endif %} en faveur de ${peopleNamesFr}, poursuivis au Kazakhstan pour leur soutien présumé à un mouvement d’opposition pacifique.

En 2019, les autorités du Kazakhstan ont intensifié les poursuites pénales contre les personnes accusées de soutenir le Choix démocratique du Kazakhstan (CDK), un mouvement d’opposition déclaré extrémiste par un tribunal en mars 2018. Autour des manifestations pacifiques du 6 juillet 2019, au moins sept personnes ont été placées en détention provisoire et au moins sept autres assignées à résidence, parmi lesquelles trois mères de familles nombreuses, un retraité de 68 ans et un médecin.

{% if sender.supporter %}Je vous prie{% else %}Nous vous prions{% endif %} d’évoquer leur situation auprès des autorités kazakhstanaises et de la délégation de l’Union européenne à Astana, et de demander :
- la libération de toutes les personnes détenues ou assignées à résidence pour avoir manifesté pacifiquement ou pour leur soutien présumé au CDK, et l’abandon des poursuites engagées contre elles ;
- la mise en œuvre de la résolution du Parlement européen du 14 mars 2019 ;
- une enquête sur les mauvais traitements infligés aux manifestants et aux détenus, et la sanction des responsables.

Les faits et leurs sources : {{ case.url }}

{% if sender.supporter %}Je vous remercie{% else %}Nous vous remercions{% endif %} de votre attention.`;

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
      {
        name: "Письмо должностным лицам и посольствам",
        language: "ru",
        targetKind: null,
        subject: "Просьба освободить людей, преследуемых по статье 405 УК Республики Казахстан",
        body: officialLetterRu,
      },
      {
        name: "Brief an Europaabgeordnete",
        language: "de",
        targetKind: "mep",
        subject: "Bitte setzen Sie sich für die nach Artikel 405 Verfolgten in Kasachstan ein",
        body: mepLetterDe,
      },
      {
        name: "Lettre aux députés européens",
        language: "fr",
        targetKind: "mep",
        subject: "Agissez pour les personnes poursuivies au titre de l’article 405 au Kazakhstan",
        body: mepLetterFr,
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
