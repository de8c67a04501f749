/** The longest comment accepted; the box says so before the server has to. */
export const MAX_COMMENT_LENGTH = 10_000;
