// The three links every email to a signer carries, from the site's address and the signer's token.
export function signerLinks(appUrl: string, token: string) {
  return {
    confirmUrl: `${appUrl}/s/${token}/confirm`,
    unsubscribeUrl: `${appUrl}/s/${token}/unsubscribe`,
    deleteDataUrl: `${appUrl}/s/${token}/delete`,
  };
}
