"use client";

import { SaveFooter } from "@/components/SaveFooter";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { updateTeamSettingsAction } from "@/app/t/[team]/settings/actions";
import type { Visibility } from "@/db/schema";
import { TEAM_NAME_MAX, TEAM_SLUG_MAX } from "@/lib/teams/team-fields";

interface Props {
  team: { slug: string; name: string; defaultVisibility: Visibility; citationTrigger: string };
  /** The page was reached after a change of slug that saved. */
  saved: boolean;
}

/** The team's name, its address (slug), who a new brief's first edition is offered to, and what opens the source picker. */
export function TeamSettingsForm({ team, saved }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(saved ? "Saved. Links to the team's former address lead here." : null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      // A changed slug ends in a redirect to the settings' new address.
      const result = await updateTeamSettingsAction({
        team: team.slug,
        name: form.get("name"),
        slug: form.get("slug"),
        defaultVisibility: form.get("defaultVisibility"),
        citationTrigger: form.get("citationTrigger"),
      });
      setError(result.ok ? null : result.error);
      setNotice(result.ok ? "Saved." : null);
      if (result.ok) router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Team details">
      <label className="field">
        Name
        <input name="name" required maxLength={TEAM_NAME_MAX} defaultValue={team.name} />
      </label>
      <label className="field">
        Address
        <span className="muted">
          /t/<input name="slug" required maxLength={TEAM_SLUG_MAX} defaultValue={team.slug} aria-describedby="slug-help" spellCheck={false} autoCapitalize="none" />
        </span>
      </label>
      <p id="slug-help" className="muted">
        Lowercase letters, digits and hyphens. Links to the old address keep working until another team takes it.
      </p>
      <fieldset className="reviewer-choice">
        <legend>Readers of a new brief&apos;s first edition, unless the publisher chooses otherwise</legend>
        <label className="inline">
          <input type="radio" name="defaultVisibility" value="team" defaultChecked={team.defaultVisibility === "team"} /> The team
        </label>
        <label className="inline">
          <input type="radio" name="defaultVisibility" value="public" defaultChecked={team.defaultVisibility === "public"} /> Anyone with the link
        </label>
      </fieldset>
      <label className="field">
        Citation trigger
        <input
          name="citationTrigger"
          required
          maxLength={3}
          defaultValue={team.citationTrigger}
          aria-describedby="citation-trigger-help"
          spellCheck={false}
          autoCapitalize="none"
        />
      </label>
      <p id="citation-trigger-help" className="muted">
        Typed in a note, these marks open the source picker: one to three, such as [[, ^^ or ((. Not letters, digits, spaces, @ or #.
      </p>
      <SaveFooter pending={pending} label="Save" error={error} notice={notice} />
    </form>
  );
}
