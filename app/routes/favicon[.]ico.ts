// Browsers ask for /favicon.ico on pages without a <link rel="icon"> (PDFs, text): send them to ours.
import { redirect } from "@remix-run/node";

export function loader() {
  return redirect("/favicon.svg", { status: 301 });
}
