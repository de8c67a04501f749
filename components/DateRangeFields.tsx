/** A filter's From and To dates, written as YYYY, YYYY-MM or YYYY-MM-DD: the timeline's and the map's. */
export function DateRangeFields({ from, to }: { from: string | undefined; to: string | undefined }) {
  return (
    <>
      <label>
        From
        <input name="from" placeholder="YYYY-MM-DD" defaultValue={from ?? ""} size={12} />
      </label>
      <label>
        To
        <input name="to" placeholder="YYYY-MM-DD" defaultValue={to ?? ""} size={12} />
      </label>
    </>
  );
}
