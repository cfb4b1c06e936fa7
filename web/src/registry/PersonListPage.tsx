import { Button, Group, Pagination, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { areaFilters } from "../access/roles.ts";
import { api } from "../api/client.ts";
import { formatNumber } from "../i18n/format.ts";
import { useT } from "../i18n/language.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyView, ErrorState, LoadingState } from "../ui/states.tsx";
import { type Page, type PersonFilters, type PersonView, registryKeys, usePersonSearch } from "./api.ts";
import { PersonFilterFields, PersonSearchBox } from "./PersonFilters.tsx";
import { PersonTable } from "./PersonTable.tsx";

const FILTER_KEYS = [
  "q",
  "districtCode",
  "villageCode",
  "rt",
  "programId",
  "periodId",
  "status",
  "nikStatus",
] as const;
const PAGE_SIZE = 25;

/** The filters live in the address bar: a list can be bookmarked, shared, and the back button undoes a filter. */
function filtersFrom(params: URLSearchParams): PersonFilters {
  const filters: PersonFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const page = Number(params.get("page") ?? "1");
  filters.page = Number.isInteger(page) && page > 1 ? page : 1;
  filters.pageSize = PAGE_SIZE;
  return filters;
}

export default function PersonListPage() {
  const t = useT();
  const { user, abilities } = useAuth();
  const [params, setParams] = useSearchParams();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const locked = useMemo(() => areaFilters(user?.area ?? null), [user]);
  const filters = useMemo(() => ({ ...filtersFrom(params), ...locked }), [params, locked]);
  const search = usePersonSearch(filters);
  const key = JSON.stringify(filters);
  const shownKey = useRef<string | null>(null);
  if (search.data && !search.isPlaceholderData) shownKey.current = key;

  const queryClient = useQueryClient();

  /** The request leaves at the moment of the change, in parallel with re-rendering the page for the new address. */
  const navigate = (next: URLSearchParams) => {
    const nextFilters = { ...filtersFrom(next), ...locked };
    void queryClient.prefetchQuery({
      queryKey: registryKeys.persons(nextFilters),
      queryFn: ({ signal }) => api<Page<PersonView>>("/persons", { query: nextFilters, signal }),
    });
    setParams(next);
  };
  const update = (patch: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("page");
    navigate(next);
  };
  const goToPage = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set("page", String(page));
    else next.delete("page");
    navigate(next);
  };

  const activeFilters = FILTER_KEYS.filter((k) => k !== "q" && params.get(k)).length;
  const data = search.data;
  const page = filters.page ?? 1;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title={t("PERSONS_TITLE")}
        actions={
          abilities.editRegistry && (
            <Button component={Link} to="/penduduk/baru">
              {t("PERSON_ADD")}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <PersonSearchBox
                  value={params.get("q") ?? ""}
                  onChange={(q) => update({ q: q || undefined })}
                />
              </div>
              <Button
                variant="default"
                hiddenFrom="sm"
                onClick={() => setFiltersOpen((open) => !open)}
                aria-expanded={filtersOpen}
                aria-controls="person-filters"
              >
                {t("FILTERS")}
                {activeFilters > 0 ? ` (${activeFilters})` : ""}
              </Button>
            </Group>
            <div id="person-filters" data-open={filtersOpen} className="salur-collapsible">
              <PersonFilterFields filters={filters} locked={locked} onChange={update} />
            </div>
          </Stack>
        </Paper>

        <section
          aria-label={t("PERSONS_TITLE")}
          aria-busy={search.isFetching}
          data-testid="person-list"
          data-key={shownKey.current ?? ""}
          data-state={search.isFetching ? "loading" : "ready"}
        >
          {search.isError && !data ? (
            <ErrorState error={search.error} onRetry={() => void search.refetch()} />
          ) : !data ? (
            <LoadingState />
          ) : data.total === 0 ? (
            <EmptyView
              title={t("PERSONS_EMPTY")}
              description={t("PERSONS_EMPTY_HINT")}
              action={
                abilities.editRegistry && (
                  <Button component={Link} to="/penduduk/baru" variant="light">
                    {t("PERSON_ADD")}
                  </Button>
                )
              }
            />
          ) : (
            <Stack gap="xs">
              <Text fz="sm" c="dimmed" aria-live="polite" data-testid="person-count">
                {t(data.totalCapped ? "PERSONS_COUNT_CAPPED" : "PERSONS_COUNT", {
                  total: formatNumber(data.total, t.language),
                })}
              </Text>
              <Paper withBorder style={{ overflow: "hidden", opacity: search.isPlaceholderData ? 0.6 : 1 }}>
                <PersonTable items={data.items} t={t} language={t.language} />
              </Paper>
              <Group justify="space-between" gap="xs">
                <Text fz="sm" c="dimmed">
                  {t("SHOWING_RANGE", {
                    from: formatNumber((page - 1) * PAGE_SIZE + 1, t.language),
                    to: formatNumber(Math.min(page * PAGE_SIZE, data.total), t.language),
                    total: `${formatNumber(data.total, t.language)}${data.totalCapped ? "+" : ""}`,
                  })}
                </Text>
                <nav aria-label={t("PAGINATION_LABEL")}>
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={goToPage}
                    siblings={1}
                    boundaries={1}
                    size="sm"
                  />
                </nav>
              </Group>
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
