// "Source: ..." under a fact, pointing at the numbered list of sources at the end of the case page.
import { useTranslation } from "react-i18next";

interface SourceLike {
  id: string;
  title: string;
  publisher: string;
}

export function SourceRef({ source, numbers }: { source: SourceLike | null; numbers: Map<string, number> }) {
  const { t } = useTranslation();
  if (!source) return <span className="source-ref">{t("caseView.sourceNotRecorded")}</span>;
  const n = numbers.get(source.id);
  return (
    <span className="source-ref">
      {t("caseView.source")}{" "}
      <a href={`#source-${source.id}`}>
        [{n}] {source.publisher}
      </a>
    </span>
  );
}
