// Names of the hidden fields of public forms, shared by the page and the server's checks.
export const HONEYPOT_FIELD = "website";
export const STAMP_FIELD = "formStartedAt";
