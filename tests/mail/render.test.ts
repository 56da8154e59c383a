// The confirmation email goes with every signature, so it is rendered once per campaign and then
// filled in; what a signer receives must be exactly what a fresh render would give.
import { describe, expect, it } from "vitest";
import { renderEmail, renderStencil } from "~/mail/render.server";
import { ConfirmSignatureEmail, confirmSignatureText } from "../../emails/confirm-signature";

describe("a stencilled email", () => {
  it("is byte for byte the fresh render, whatever the links hold", async () => {
    const campaignTitle = "Free the “Article 405” prisoners & their families";
    const fill = await renderStencil(["confirmUrl", "unsubscribeUrl", "deleteDataUrl"] as const, (markers) => {
      const props = { ...markers, campaignTitle };
      return renderEmail(ConfirmSignatureEmail(props), { text: confirmSignatureText(props) });
    });
    for (const token of ["abc_DEF-123", "<script>alert('x')</script>&\"x\"", "slot1n0x $& $1 $$"]) {
      const values = {
        confirmUrl: `https://letters.example.org/s/${token}/confirm?x=1&y=2`,
        unsubscribeUrl: "https://letters.example.org/s/abc_DEF-123/unsubscribe",
        deleteDataUrl: "https://letters.example.org/s/abc_DEF-123/delete",
      };
      const props = { ...values, campaignTitle };
      const fresh = await renderEmail(ConfirmSignatureEmail(props), { text: confirmSignatureText(props) });
      expect(fill(values)).toEqual(fresh);
    }
  });
});
