// The variables a letter template can use: the case, its people, demands and recent events, the
// target, the sender and the date. The list shown in the template editor comes from here too.
import { prisma } from "~/db.server";
import { personStatusLabel } from "~/cases/case-status";
import { countryName, formatPartialDate } from "~/ui/format";

export const templateVariables: ReadonlyArray<{ name: string; description: string }> = [
  { name: "case.title", description: "Title of the case" },
  { name: "case.summary", description: "Summary of the case" },
  { name: "case.country", description: "Country where the persecution happens, in words" },
  { name: "case.url", description: "Public page of the case" },
  { name: "campaign.title", description: "Title of the campaign" },
  { name: "campaign.call_to_action", description: "What the campaign asks" },
  { name: "people", description: "People at risk: use {% for person in people %} … {% endfor %}" },
  { name: "person.name", description: "Name (inside the loop over people)" },
  { name: "person.status", description: "Current status in words, e.g. “in pre-trial detention”" },
  { name: "person.status_since", description: "Date of the current status" },
  { name: "person.held_at", description: "Where held (empty when not known)" },
  { name: "person.description", description: "Who they are" },
  { name: "person.charges", description: "Charges: {% for charge in person.charges %}{{ charge.text }}{% endfor %}" },
  { name: "charge.text", description: "“Article 405 of the Criminal Code (…what it punishes…)”" },
  { name: "people_names", description: "All names, joined: “A, B and C”" },
  { name: "demands", description: "Demands: {% for demand in demands %}- {{ demand }}{% endfor %}" },
  {
    name: "recent_events",
    description: "Latest events: {% for event in recent_events %}{{ event.date }}: {{ event.description }}{% endfor %}",
  },
  { name: "target.name", description: "Recipient's name" },
  { name: "target.position", description: "Recipient's position" },
  { name: "target.salutation", description: "“Your Excellency”, “Dear Ms …”: set per target" },
  { name: "target.body", description: "Embassy, committee or office" },
  { name: "target.country", description: "Recipient's country, in words" },
  { name: "sender.name", description: "The section (or organisation) sending" },
  { name: "sender.city", description: "The section's city" },
  { name: "sender.country", description: "The section's country, in words" },
  { name: "sender.organisation", description: "The organisation's name" },
  { name: "sender.signatories", description: "Names that sign, one per line" },
  {
    name: "sender.supporter",
    description:
      "True in a supporter's own letter, in their own voice: {% if sender.supporter %}I write to you…{% else %}We write on behalf of…{% endif %}",
  },
  { name: "date", description: "Today's date, e.g. “22 November 2026”" },
];

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** What does not change from one target to the next: loaded once per generation. */
export async function loadCaseVariables(campaignId: string, appUrl: string) {
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: {
      case: {
        include: {
          people: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], include: { charges: true } },
          demands: { orderBy: [{ position: "asc" }, { id: "asc" }] },
          events: { orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], take: 5 },
        },
      },
    },
  });
  const c = campaign.case;
  const people = c.people.map((p) => ({
    name: p.name,
    status: personStatusLabel(p.status).toLowerCase(),
    status_since: formatPartialDate(p.statusSince),
    held_at: p.heldAt ?? "",
    description: p.description,
    charges: p.charges.map((ch) => ({
      law: ch.law,
      article: ch.article,
      description: ch.description,
      text: `Article ${ch.article} of the ${ch.law} (${ch.description})`,
    })),
  }));
  return {
    case: { title: c.title, summary: c.summary, country: countryName(c.country), url: `${appUrl}/cases/${c.slug}` },
    campaign: { title: campaign.title, call_to_action: campaign.callToAction },
    people,
    people_names: joinNames(people.map((p) => p.name)),
    demands: c.demands.map((d) => d.text),
    recent_events: [...c.events].reverse().map((e) => ({ date: formatPartialDate(e.occurredOn), description: e.description })),
  };
}
export type CaseVariables = Awaited<ReturnType<typeof loadCaseVariables>>;

export interface TargetLike {
  name: string;
  position: string | null;
  salutation: string | null;
  body: string | null;
  country: string | null;
  kind: string;
}

export function defaultSalutation(target: TargetLike): string {
  if (target.salutation) return target.salutation;
  if (target.kind === "embassy") return "Your Excellency";
  return `Dear ${target.name}`;
}

export function targetVariables(target: TargetLike) {
  return {
    name: target.name,
    position: target.position ?? "",
    salutation: defaultSalutation(target),
    body: target.body ?? "",
    country: countryName(target.country),
  };
}

export interface Sender {
  /** null: the organisation itself */
  sectionId: string | null;
  name: string;
  city: string;
  country: string | null;
  organisation: string;
  signatories: string[];
  /** A supporter writing in their own name ("I"), not a section or the organisation ("we"). */
  supporter?: boolean;
}

export async function loadSender(organisationId: string, sectionId: string | null): Promise<Sender | null> {
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
  if (sectionId === null) {
    return {
      sectionId: null,
      name: organisation.name,
      city: "",
      country: null,
      organisation: organisation.name,
      signatories: [organisation.name],
    };
  }
  const section = await prisma.section.findFirst({ where: { id: sectionId, organisationId } });
  if (!section) return null;
  const signatories = (section.signatories ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    sectionId: section.id,
    name: section.name,
    city: section.city,
    country: section.country,
    organisation: organisation.name,
    signatories: signatories.length ? signatories : [`${section.name}, ${organisation.name}`],
  };
}

export function senderVariables(sender: Sender) {
  return {
    name: sender.name,
    city: sender.city,
    country: countryName(sender.country),
    organisation: sender.organisation,
    signatories: sender.signatories.join("\n"),
    supporter: sender.supporter ?? false,
  };
}

export function letterContext(caseVariables: CaseVariables, target: TargetLike, sender: Sender, date: string) {
  return { ...caseVariables, target: targetVariables(target), sender: senderVariables(sender), date };
}

export const sampleTarget: TargetLike = {
  name: "H.E. the Ambassador",
  position: "Ambassador",
  salutation: "Your Excellency",
  body: "Embassy of Kazakhstan",
  country: "BE",
  kind: "embassy",
};
