import "server-only";
import { mailOutbox } from "@/db/schema";
import { forgetDoneRows } from "@/lib/queue-retention";

/** How long a message done with (sent, given up, withdrawn) is kept for the record. */
export const KEEP_SENT_MAIL_DAYS = 30;

/** Deletes the messages sent, given up or withdrawn more than `days` ago; mail still waiting is never touched. Returns how many went. */
export const forgetOldMail = (days = KEEP_SENT_MAIL_DAYS): Promise<number> => forgetDoneRows(mailOutbox, mailOutbox.id, [mailOutbox.sentAt, mailOutbox.abandonedAt], days);
