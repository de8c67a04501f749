"use client";

import type { ReactNode } from "react";
import { countryChoices } from "@/lib/geo/countries";
import type { LocationErrors, LocationValues } from "./entity-form-payload";

/** Every country, by name, once for every form. */
const COUNTRIES = countryChoices();

/** One field of the group: its label, its control, and its own error under it. */
function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: (errorId: string | undefined) => ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(error ? errorId : undefined)}
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Where an event, a country or a place is, for the map: a country, a point
 * (latitude and longitude), or both. The form checks them with
 * `locationInput` (lib/entities/validation.ts) and shows each error by its field.
 */
export function LocationFields({ idPrefix, initial, errors }: { idPrefix: string; initial: LocationValues; errors: LocationErrors }) {
  const hintId = `${idPrefix}-point-hint`;
  const describedBy = (error: string | undefined) => [hintId, error].filter(Boolean).join(" ");
  return (
    <fieldset className="location-fields">
      <legend>Location</legend>
      <div className="row">
        <Field id={`${idPrefix}-country`} label="Country" error={errors.countryCode}>
          {(error) => (
            <select id={`${idPrefix}-country`} name="countryCode" defaultValue={initial.countryCode ?? ""} aria-invalid={Boolean(error)} aria-describedby={error}>
              <option value="">None</option>
              {COUNTRIES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${idPrefix}-latitude`} label="Latitude" error={errors.latitude}>
          {(error) => (
            <input
              id={`${idPrefix}-latitude`}
              name="latitude"
              inputMode="decimal"
              size={10}
              defaultValue={initial.latitude ?? ""}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy(error)}
            />
          )}
        </Field>
        <Field id={`${idPrefix}-longitude`} label="Longitude" error={errors.longitude}>
          {(error) => (
            <input
              id={`${idPrefix}-longitude`}
              name="longitude"
              inputMode="decimal"
              size={10}
              defaultValue={initial.longitude ?? ""}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy(error)}
            />
          )}
        </Field>
      </div>
      <p id={hintId} className="hint">
        Degrees, north and east positive, for example 48.2082, 16.3738 (Vienna). Give a country alone to place it at the country&apos;s centre.
      </p>
    </fieldset>
  );
}
