import type { Metadata } from "next";
import Link from "next/link";
import { docsOf } from "@/lib/api/docs";
import { API_BASE_PATH, openApiDocument } from "@/lib/api/openapi";
import { PROBLEMS } from "@/lib/api/problem";
import { MAX_PAGE_SIZE } from "@/lib/api/pagination";
import { appOrigin } from "@/lib/app-origin";
import { loadConfig } from "@/lib/config";

export const metadata: Metadata = { title: "API" };
export const dynamic = "force-dynamic";

/** The API's reference, drawn on the server from the same OpenAPI document clients read; open to anyone, as the document is. */
export default function ApiDocsPage() {
  const origin = appOrigin();
  const groups = docsOf(openApiDocument(), origin);
  return (
    <main className="page stack api-docs">
      <div className="page-head">
        <h1>Dossier API</h1>
        <Link href="/account">Your API tokens</Link>
      </div>

      <section className="card padded stack" aria-labelledby="basics-heading">
        <h2 id="basics-heading">Using it</h2>
        <p>
          Base URL: <code>{`${origin}${API_BASE_PATH}`}</code>. The machine-readable description is <a href={`${API_BASE_PATH}/openapi.json`}>openapi.json</a>{" "}
          (OpenAPI 3.1).
        </p>
        <p>
          Send a personal token from <Link href="/account">your account page</Link> as <code>Authorization: Bearer dsr_…</code>. A token belongs to one team: every
          request acts as you, in that team, with your role there today. A <strong>read</strong> token reaches only the read endpoints; a{" "}
          <strong>read-write</strong> token may also change what your role allows. A token stops working once revoked, or once you leave the team. Cookies are
          never read.
        </p>
        <p>
          Lists are paged: pass <code>limit</code> (at most {MAX_PAGE_SIZE}) and the <code>nextCursor</code> of a page as <code>cursor</code> for the next; the
          answer&apos;s <code>next</code> is that URL. Each token may make {loadConfig().apiRateLimit} requests a minute on each server process; past that the answer
          is 429 with <code>Retry-After</code>.
        </p>
        <h3>Errors</h3>
        <p>
          Every refusal is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code> and{" "}
          <code>detail</code>; refused fields are listed in <code>errors</code>, each with a JSON <code>pointer</code> into the request.
        </p>
        <ul>
          {Object.entries(PROBLEMS).map(([kind, problem]) => (
            <li key={kind} id={`problem-${kind}`}>
              <code>{problem.status}</code> {problem.title}
            </li>
          ))}
        </ul>
      </section>

      {groups.map((group) => (
        <section key={group.tag} className="card padded stack" aria-labelledby={`tag-${group.tag}`}>
          <h2 id={`tag-${group.tag}`}>{group.tag}</h2>
          {group.operations.map((operation) => (
            <article key={operation.id} id={operation.id} className="stack">
              <h3>
                <code>
                  {operation.method} {operation.path}
                </code>{" "}
                {operation.summary}
              </h3>
              <p className="muted">
                Token scope: <strong>{operation.scope}</strong> · success: HTTP {operation.success}
              </p>
              {operation.description && <p>{operation.description.replaceAll("**", "").replaceAll("`", "")}</p>}
              {operation.fields.length > 0 && (
                // Focusable, as the example below is: on a narrow screen the table scrolls sideways.
                <table className="list" aria-label={`Parameters of ${operation.summary}`} tabIndex={0}>
                  <thead>
                    <tr>
                      <th>Name</th>
                      <th>In</th>
                      <th>Type</th>
                      <th>Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {operation.fields.map((field) => (
                      <tr key={`${field.where}-${field.name}`}>
                        <td>
                          <code>{field.name}</code>
                          {field.required && " (required)"}
                        </td>
                        <td>{field.where}</td>
                        <td>{field.type}</td>
                        <td>{field.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {/* Focusable, so that a keyboard can scroll a command wider than the page. */}
              <pre tabIndex={0}>
                <code>{operation.curl}</code>
              </pre>
            </article>
          ))}
        </section>
      ))}
    </main>
  );
}
