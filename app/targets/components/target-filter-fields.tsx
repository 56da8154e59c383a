// The targets' search fields (name, kind, country, tag) of a GET form: the directory and a
// campaign's "pick targets by hand" page filter the same way.
import { MAX_TARGET_QUERY, targetKindLabels, targetKinds, type TargetFilters } from "~/targets/target.schema";
import { tagName } from "~/targets/tag-names";
import { countryName } from "~/ui/format";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

export function TargetFilterFields({
  filters,
  options,
  placeholder,
}: {
  filters: Pick<TargetFilters, "q" | "kind" | "country" | "tag">;
  /** The countries and tags the organisation's targets have. */
  options: { countries: string[]; tags: string[] };
  placeholder?: string;
}) {
  const countries = options.countries.map((code) => ({ code, name: countryName(code) })).sort(byName);
  const tags = options.tags.map((tag) => ({ tag, name: tagName(tag) })).sort(byName);
  return (
    <>
      <label>
        Name <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={MAX_TARGET_QUERY} placeholder={placeholder} />
      </label>
      <label>
        Kind{" "}
        <select name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Any kind</option>
          {targetKinds.map((k) => (
            <option key={k} value={k}>
              {targetKindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Country{" "}
        <select name="country" defaultValue={filters.country ?? ""}>
          <option value="">Any country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag{" "}
        <select name="tag" defaultValue={filters.tag ?? ""}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="secondary">
        Search
      </button>
    </>
  );
}
