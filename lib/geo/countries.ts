import countries from "i18n-iso-countries";
// The attribute lets Node load the JSON where the package stays external (dist/server.mjs, the benchmarks).
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };

/**
 * Countries by their ISO 3166-1 alpha-2 codes, the one way Dossier names a
 * country in data (entities.country_code, STIX `location.country`, CSV).
 * English names only: they are what the forms, imports and the map show.
 */
countries.registerLocale(english);

/** Whether the text is an assigned alpha-2 code, upper case ("IR", not "ir" or "XX"). */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** "Iran, Islamic Republic of" for "IR"; undefined for no country. */
export const countryName = (code: string): string | undefined => (isCountryCode(code) ? countries.getName(code, "en", { select: "official" }) : undefined);

/** The short name, for labels: "Iran" for "IR". */
export const countryShortName = (code: string): string | undefined => (isCountryCode(code) ? countries.getName(code, "en", { select: "alias" }) : undefined);

/**
 * The code a person or a file means by a country: an alpha-2 or alpha-3 code
 * in any case, or an English name ("Iran", "Islamic Republic of Iran").
 * Undefined when it names no country.
 */
export function toCountryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const code = countries.toAlpha2(trimmed.toUpperCase()) ?? countries.getAlpha2Code(trimmed, "en") ?? countries.getSimpleAlpha2Code(trimmed, "en");
  return code && isCountryCode(code) ? code : undefined;
}

/** The ISO 3166-1 numeric code (the map's country shapes are keyed by it): "364" for "IR". */
export const numericCountryCode = (code: string): string | undefined => (isCountryCode(code) ? countries.alpha2ToNumeric(code) : undefined);

/** Every country as [code, short name], by name, for a form's list. */
export function countryChoices(): [code: string, name: string][] {
  return Object.keys(countries.getAlpha2Codes())
    .map((code): [string, string] => [code, countryShortName(code) ?? code])
    .sort(([, a], [, b]) => a.localeCompare(b, "en"));
}
