// A case's share image (Open Graph): drawn by the app, from its own origin, cached by what it shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseImageContent } from "~/growth/campaign-share.server";
import { shareImage, shareImageResponse } from "~/growth/share-image.server";
import { paramOr404, SlugSchema } from "~/security/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const content = await caseImageContent(paramOr404(SlugSchema, params.slug, "No such case."));
  if (!content) throw new Response("No such case.", { status: 404 });
  return shareImageResponse(request, await shareImage(content));
}
