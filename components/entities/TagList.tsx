import Link from "next/link";

export function TagList({ team, tags }: { team: string; tags: string[] }) {
  return (
    <span className="tags">
      {tags.map((tag) => (
        <Link key={tag} className="tag" href={`/t/${team}/tags/${encodeURIComponent(tag)}`}>
          {tag}
        </Link>
      ))}
    </span>
  );
}
