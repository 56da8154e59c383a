// The bounds on a supporter's letters, shared by the page (its messages) and the server (its checks).

/**
 * The most letters one confirmation sends (and one page drafts): enough for every target of a
 * country, and a bound on what one form and one press of a button can do.
 */
export const MAX_LETTERS_PER_CONFIRMATION = 30;
/** One letter's text, at most: a long letter to an official is a few thousand characters. */
export const MAX_LETTER_LENGTH = 8000;
