// `npm run replies -- …`: an operator (someone with the server's shell) routes email replies that
// matched no letter. They belong to no organisation until routed, so no organiser sees another's.
//   list                              unrouted replies: id, when, the address written to (no text)
//   route <responseId> <org-slug>     gives one reply to an organisation
//   domain <org-slug> <domain|->      replies to addresses at this domain go to that organisation
import { configureDatabase, prisma } from "~/db.server";
import { routeReply, setReplyDomain, unroutedReplies } from "~/responses/response.server";

await configureDatabase();
const [command, a, b] = process.argv.slice(2);
let ok = true;
if (command === "list") {
  for (const r of await unroutedReplies()) console.log(`${r.id}\t${r.receivedAt.toISOString()}\t${r.inboundTo ?? ""}`);
} else if (command === "route" && a && b) {
  ok = await routeReply(a, b);
  console.log(ok ? "Routed." : "No such unrouted reply, or no such organisation.");
} else if (command === "domain" && a && b) {
  ok = await setReplyDomain(a, b === "-" ? null : b);
  console.log(ok ? "Saved." : "No such organisation.");
} else {
  console.error("Usage: npm run replies -- list | route <responseId> <org-slug> | domain <org-slug> <domain|->");
  ok = false;
}
await prisma.$disconnect();
process.exit(ok ? 0 : 1);
