import { RelativeTime } from "@/components/RelativeTime";
import type { TemplateSummary } from "@/lib/templates/queries";
import { DeleteTemplateButton } from "./DeleteTemplateButton";
import { StartFromTemplateButton } from "./StartFromTemplateButton";

/** One template on the templates page: its name and purpose, who saved it, and what the member may do with it. */
export function TemplateCard({ team, template, mayStart, mayDelete }: { team: string; template: TemplateSummary; mayStart: boolean; mayDelete: boolean }) {
  return (
    <li className="card padded template-card" data-template-id={template.id} aria-labelledby={`template-${template.id}`}>
      <h3 id={`template-${template.id}`}>{template.name}</h3>
      {template.description && <p>{template.description}</p>}
      <p className="muted">
        {template.builtIn ? (
          "Built into Dossier."
        ) : (
          <>
            Saved by {template.createdByName ?? "a former member"} {template.createdAt && <RelativeTime date={template.createdAt} />}.
          </>
        )}
      </p>
      {(mayStart || (mayDelete && !template.builtIn)) && (
        <div className="row">
          {mayStart && <StartFromTemplateButton team={team} templateId={template.id} name={template.name} />}
          {mayDelete && !template.builtIn && <DeleteTemplateButton team={team} templateId={template.id} name={template.name} />}
        </div>
      )}
    </li>
  );
}
