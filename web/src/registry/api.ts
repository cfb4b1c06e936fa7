import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  agencyViewSchema,
  BusinessInput,
  businessViewSchema,
  EnrollmentInput,
  enrollmentViewSchema,
  HouseholdInput,
  householdViewSchema,
  issueSchema,
  PersonInput,
  PersonSearch,
  pageOf,
  periodViewSchema,
  personDetailSchema,
  personIdentitySchema,
  personViewSchema,
  personWriteResultSchema,
  programViewSchema,
} from "../../../src/registry/schemas.ts";
import { api } from "../api/client.ts";

export type PersonView = z.output<typeof personViewSchema>;
export type BusinessView = z.output<typeof businessViewSchema>;
export type EnrollmentView = z.output<typeof enrollmentViewSchema>;
export type HouseholdView = z.output<typeof householdViewSchema>;
export type AgencyView = z.output<typeof agencyViewSchema>;
export type ProgramView = z.output<typeof programViewSchema>;
export type PeriodView = z.output<typeof periodViewSchema>;

/** GET /api/persons/:id: the person with businesses, enrollments and the history. */
export type PersonDetail = z.output<typeof personDetailSchema>;

/** A page of any list the registry serves (`pageOf` on the server). */
export type Page<T> = Omit<z.output<ReturnType<typeof pageOf<z.ZodUnknown>>>, "items"> & { items: T[] };

export type Issue = z.output<typeof issueSchema>;

export type PersonWriteResult = z.output<typeof personWriteResultSchema>;

/** The search as the list page holds it: every filter optional, as strings from the address bar. */
export type PersonFilters = Partial<Record<Exclude<keyof PersonSearch, "page" | "pageSize">, string>> & {
  page?: number;
  pageSize?: number;
};

export const registryKeys = {
  persons: (filters: PersonFilters) => ["persons", "search", filters] as const,
  person: (id: string) => ["persons", "detail", id] as const,
  household: (id: string) => ["households", id] as const,
  agencies: ["agencies"] as const,
  programs: ["programs"] as const,
  periods: (programId?: string) => ["periods", programId ?? "all"] as const,
  enrollments: (query: Record<string, string | number | undefined>) => ["enrollments", query] as const,
};

/** The previous page stays on screen while the next loads, so a filter change never blanks the list. */
export function usePersonSearch(filters: PersonFilters) {
  return useQuery({
    queryKey: registryKeys.persons(filters),
    queryFn: ({ signal }) => api<Page<PersonView>>("/persons", { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.person(id ?? ""),
    queryFn: ({ signal }) => api<PersonDetail>(`/persons/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useHousehold(id: string | null | undefined) {
  return useQuery({
    queryKey: registryKeys.household(id ?? ""),
    queryFn: ({ signal }) => api<HouseholdView>(`/households/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: registryKeys.agencies,
    queryFn: () => api<AgencyView[]>("/agencies"),
    staleTime: 60_000,
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: registryKeys.programs,
    queryFn: () => api<ProgramView[]>("/programs"),
    staleTime: 60_000,
  });
}

export function usePeriods(programId?: string) {
  return useQuery({
    queryKey: registryKeys.periods(programId),
    queryFn: () => api<PeriodView[]>("/periods", { query: { programId } }),
    staleTime: 60_000,
  });
}

/** Counts only: the home page asks "how many are waiting", never for the rows. */
export function useEnrollmentCount(query: Record<string, string | undefined>, enabled = true) {
  const full = { ...query, page: 1, pageSize: 1 };
  return useQuery({
    queryKey: registryKeys.enrollments(full),
    queryFn: ({ signal }) => api<Page<EnrollmentView>>("/enrollments", { query: full, signal }),
    select: (page) => page.total,
    enabled,
  });
}

export function usePersonCount(filters: PersonFilters, enabled = true) {
  const full = { ...filters, page: 1, pageSize: 1 };
  return useQuery({
    queryKey: registryKeys.persons(full),
    queryFn: ({ signal }) => api<Page<PersonView>>("/persons", { query: full, signal }),
    select: (page) => page.total,
    enabled,
  });
}

export function useRegisterPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api<PersonWriteResult>("/persons", { method: "POST", body: input }),
    onSuccess: (result) => {
      queryClient.invalidateQueries({ queryKey: ["persons"] });
      if (result.person.householdId)
        queryClient.invalidateQueries({ queryKey: ["households", result.person.householdId] });
    },
  });
}

export type PersonPatch = Partial<PersonInput> & { version: number; reason?: string };

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PersonPatch) =>
      api<PersonWriteResult>(`/persons/${id}`, { method: "PATCH", body: patch }),
    // The save completes once the record (with its new history entry) is re-read, so the page shown next is current.
    onSuccess: async () => {
      queryClient.invalidateQueries({ queryKey: ["households"] });
      await queryClient.invalidateQueries({ queryKey: ["persons"] });
    },
  });
}

export function useRegisterHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HouseholdInput) => api<HouseholdView>("/households", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["households"] }),
  });
}

export function useRegisterBusiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BusinessInput) => api<BusinessView>("/businesses", { method: "POST", body: input }),
    onSuccess: (business) =>
      queryClient.invalidateQueries({ queryKey: registryKeys.person(business.ownerId) }),
  });
}

export function useEnrollPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrollmentInput) =>
      api<EnrollmentView>("/enrollments", { method: "POST", body: input }),
    onSuccess: (enrollment) => {
      queryClient.invalidateQueries({ queryKey: registryKeys.person(enrollment.personId) });
      queryClient.invalidateQueries({ queryKey: ["enrollments"] });
    },
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string }) =>
      api<AgencyView>("/agencies", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.agencies }),
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api<ProgramView>("/programs", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.programs }),
  });
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api<PeriodView>("/periods", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["periods"] }),
  });
}

export type PersonIdentity = z.output<typeof personIdentitySchema>;

/** Full NIK, KK and phone of one person; each reveal is an audit entry, so it runs only on an explicit click. */
export function useRevealIdentity(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      api<PersonIdentity>(`/persons/${id}/identity`, { query: { reason: reason || undefined } }),
  });
}
