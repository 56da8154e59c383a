// Sharing a campaign: the channels a shared link can name (?src=…), and the plain share links for
// each (no third-party script: WhatsApp, Telegram and email open from an ordinary link).
export const SHARE_CHANNELS = ["whatsapp", "telegram", "email", "copy"] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** The channels in a fixed order: no tag first ("direct"), then the share buttons' order. */
export const CHANNEL_COLUMNS = ["direct", ...SHARE_CHANNELS] as const;

export const CHANNEL_LABELS: Record<(typeof CHANNEL_COLUMNS)[number], string> = {
  direct: "Without a share tag",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  email: "Email",
  copy: "Copied link",
};

/** The form field that carries the channel from the campaign page's address to the signature. */
export const SOURCE_FIELD = "src";

/** An allow-listed channel, or null for anything else (missing, unknown, too long, repeated). */
export function shareChannel(value: unknown): ShareChannel | null {
  if (typeof value !== "string" || value.length > 16) return null;
  const lower = value.toLowerCase();
  return SHARE_CHANNELS.find((c) => c === lower) ?? null;
}

/** The campaign's address with the channel it was shared through. */
export function taggedUrl(campaignUrl: string, channel: ShareChannel): string {
  const url = new URL(campaignUrl);
  url.searchParams.set(SOURCE_FIELD, channel);
  return url.toString();
}

export interface ShareLinks {
  whatsapp: string;
  telegram: string;
  email: string;
  copy: string;
}

/** Plain links that open each app with the message and the tagged address filled in. */
export function shareLinks(campaignUrl: string, title: string): ShareLinks {
  const message = `${title}: I signed, will you?`;
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(`${message} ${taggedUrl(campaignUrl, "whatsapp")}`)}`;
  const telegram = `https://t.me/share/url?url=${encodeURIComponent(taggedUrl(campaignUrl, "telegram"))}&text=${encodeURIComponent(message)}`;
  const email = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${message}\n\n${taggedUrl(campaignUrl, "email")}`)}`;
  return { whatsapp, telegram, email, copy: taggedUrl(campaignUrl, "copy") };
}

/** The share image's size: Open Graph's recommended 1.91:1. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** Open Graph and Twitter card tags for a public page with a share image (absolute addresses). */
export function shareMeta({
  title,
  description,
  pageUrl,
  imageUrl,
}: {
  title: string;
  description: string;
  pageUrl: string;
  imageUrl: string;
}) {
  return [
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Solidarity letters" },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: pageUrl },
    { property: "og:image", content: imageUrl },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(SHARE_IMAGE_WIDTH) },
    { property: "og:image:height", content: String(SHARE_IMAGE_HEIGHT) },
    { property: "og:image:alt", content: title },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: imageUrl },
  ];
}
