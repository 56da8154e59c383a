// How long a password must be: shown on the forms, checked on the server (password-rules.server.ts).
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const passwordHint = `At least ${PASSWORD_MIN} characters; a few unrelated words are easy to remember and hard to guess.`;
