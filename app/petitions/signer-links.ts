// The three links every email to a signer carries, from the site's address and the signer's token.

/** "?lng=de" for a reader who signed in another language than English: the pages open in it. */
export function languageQuery(language?: string): string {
  return language && language !== "en" ? `?lng=${language}` : "";
}

export function signerLinks(appUrl: string, token: string, language?: string) {
  const lng = languageQuery(language);
  return {
    confirmUrl: `${appUrl}/s/${token}/confirm${lng}`,
    unsubscribeUrl: `${appUrl}/s/${token}/unsubscribe${lng}`,
    deleteDataUrl: `${appUrl}/s/${token}/delete${lng}`,
  };
}
