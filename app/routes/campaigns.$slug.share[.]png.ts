// A campaign's share image (Open Graph): drawn by the app, from its own origin, cached by what it shows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { campaignImageContent } from "~/growth/campaign-share.server";
import { shareImage, shareImageResponse } from "~/growth/share-image.server";
import { paramOr404, SlugSchema } from "~/security/params.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const content = await campaignImageContent(paramOr404(SlugSchema, params.slug, "No such campaign."));
  if (!content) throw new Response("No such campaign.", { status: 404 });
  return shareImageResponse(request, await shareImage(content));
}
