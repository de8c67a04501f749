"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="card auth-card stack">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you saved was lost.</p>
      <button className="primary" onClick={reset}>Try again</button>
    </main>
  );
}
