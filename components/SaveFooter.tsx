import { FormError, FormNotice } from "@/components/FormError";

/** The end of a settings form: its save button (showing it is saving), then what went wrong or what was done. */
export function SaveFooter({ pending, label, error, notice }: { pending: boolean; label: string; error: string | null; notice: string | null }) {
  return (
    <>
      <div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : label}
        </button>
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
    </>
  );
}
