// "Source: ..." under a fact, pointing at the numbered list of sources at the end of the case page.
interface SourceLike {
  id: string;
  title: string;
  publisher: string;
}

export function SourceRef({ source, numbers }: { source: SourceLike | null; numbers: Map<string, number> }) {
  if (!source) return <span className="source-ref">Source not recorded</span>;
  const n = numbers.get(source.id);
  return (
    <span className="source-ref">
      Source:{" "}
      <a href={`#source-${source.id}`}>
        [{n}] {source.publisher}
      </a>
    </span>
  );
}
