import { describe, expect, it } from "vitest";
import { formatDateRange, formatPartialDate, parsePartialDate, partialDateInput } from "./dates";

describe("partial dates", () => {
  it("reads a year, a month or a day, stored as the first day of the period", () => {
    expect(parsePartialDate("2006")).toEqual({ date: "2006-01-01", precision: "year" });
    expect(parsePartialDate("2006-10")).toEqual({ date: "2006-10-01", precision: "month" });
    expect(parsePartialDate("2006-10-09")).toEqual({ date: "2006-10-09", precision: "day" });
    expect(parsePartialDate("  2006-10-09 ")).toEqual({ date: "2006-10-09", precision: "day" });
    expect(parsePartialDate("2008-02-29")).toEqual({ date: "2008-02-29", precision: "day" });
    expect(parsePartialDate("0050")).toEqual({ date: "0050-01-01", precision: "year" });
    expect(parsePartialDate("0070-08-30")).toEqual({ date: "0070-08-30", precision: "day" });
  });

  it("refuses dates that do not exist and text that is not a date", () => {
    for (const text of ["2006-13-40", "2006-02-30", "2006-13", "2006-00", "2007-02-29", "0000", "20061009", "2006/10/09", "9 October 2006", "", "abc"]) {
      expect(parsePartialDate(text), text).toBeNull();
    }
  });

  it("gives back the date as it was entered", () => {
    for (const text of ["2006", "2006-10", "2006-10-09", "0050"]) {
      const parsed = parsePartialDate(text)!;
      expect(partialDateInput(parsed.date, parsed.precision)).toBe(text);
    }
    expect(partialDateInput(null, null)).toBe("");
  });

  it("writes a date to its precision", () => {
    expect(formatPartialDate("2006-01-01", "year")).toBe("2006");
    expect(formatPartialDate("2006-10-01", "month")).toBe("October 2006");
    expect(formatPartialDate("2006-10-09", "day")).toBe("9 October 2006");
    expect(formatPartialDate("0070-08-30", "day")).toBe("30 August 70");
  });

  it("writes a range, a single date, and an unknown date", () => {
    expect(formatDateRange("2006-10-09", "2006-10-12", "day")).toBe("9 October 2006 – 12 October 2006");
    expect(formatDateRange("2006-10-01", "2007-03-01", "month")).toBe("October 2006 – March 2007");
    expect(formatDateRange("2003-01-01", "2006-01-01", "year")).toBe("2003 – 2006");
    expect(formatDateRange("2006-10-09", "2006-10-09", "day")).toBe("9 October 2006");
    expect(formatDateRange("2006-10-09", null, "day")).toBe("9 October 2006");
    expect(formatDateRange(null, null, null)).toBe("Date unknown");
  });
});
