import type { Caller } from "../access/actor.ts";
import { registerBusinessIn, updateBusinessIn } from "./business-service.ts";
import { enrollPersonIn } from "./enrollment-service.ts";
import { registerHouseholdIn, updateHouseholdIn } from "./household-service.ts";
import { registerPersonIn, revealIdentityIn, updatePersonIn } from "./person-service.ts";
import { type Disclosure, disclosureFor } from "./persons.ts";
import {
  createAgencyIn,
  createPeriodIn,
  createProgramIn,
  updatePeriodIn,
  updateProgramIn,
} from "./program-service.ts";
import { type Registry, registryTransaction } from "./registry.ts";
import type {
  BusinessInput,
  BusinessUpdate,
  EnrollmentInput,
  HouseholdInput,
  HouseholdUpdate,
  PeriodInput,
  PeriodUpdate,
  PersonData,
  PersonUpdate,
  ProgramInput,
  ProgramUpdate,
} from "./schemas.ts";

/**
 * The registry's use cases. The writes (`…In`) take the transaction of the route, job or command that runs
 * them and compose with other capabilities' writes; the reads take the registry. Below, each write once more
 * as a unit of work of its own, opened here on behalf of seeds, fixtures and access probes that do one thing.
 */
export { businessView, registerBusinessIn, updateBusinessIn } from "./business-service.ts";
export { enrollmentScope, enrollPersonIn, searchEnrollments } from "./enrollment-service.ts";
export { getHouseholdView, registerHouseholdIn, updateHouseholdIn } from "./household-service.ts";
export {
  getPersonDetail,
  getPersonView,
  type PersonWritten,
  registerPersonIn,
  revealIdentityIn,
  searchPersons,
  updatePersonIn,
} from "./person-service.ts";
export {
  createAgencyIn,
  createPeriodIn,
  createProgramIn,
  listAgencies,
  listPeriods,
  listPrograms,
  updatePeriodIn,
  updateProgramIn,
} from "./program-service.ts";
export {
  duplicateOutsideArea,
  PERSON_PERSONAL_FIELDS,
  personPlace,
  personRecord,
  type Registry,
  registryTransaction,
  type Tx,
} from "./registry.ts";

export async function registerPerson(
  registry: Registry,
  caller: Caller,
  data: PersonData,
  disclosure: Disclosure = disclosureFor(caller.actor),
) {
  const { person, warnings } = await registryTransaction(registry, caller, (tx) =>
    registerPersonIn(registry, tx, caller, data, disclosure),
  );
  return { person, warnings };
}

export async function updatePerson(
  registry: Registry,
  caller: Caller,
  id: string,
  patch: PersonUpdate,
  disclosure: Disclosure = disclosureFor(caller.actor),
) {
  const { person, warnings } = await registryTransaction(registry, caller, (tx) =>
    updatePersonIn(registry, tx, caller, id, patch, { disclosure }),
  );
  return { person, warnings };
}

export async function revealIdentity(registry: Registry, caller: Caller, id: string, reason: string | null) {
  return registry.db.transaction((tx) => revealIdentityIn(registry, tx, caller, id, reason));
}

export async function registerHousehold(
  registry: Registry,
  caller: Caller,
  input: HouseholdInput,
  disclosure: Disclosure = disclosureFor(caller.actor),
) {
  return registryTransaction(registry, caller, (tx) =>
    registerHouseholdIn(registry, tx, caller, input, disclosure),
  );
}

export async function updateHousehold(
  registry: Registry,
  caller: Caller,
  id: string,
  patch: HouseholdUpdate,
) {
  return registry.db.transaction((tx) => updateHouseholdIn(registry, tx, caller, id, patch));
}

export async function registerBusiness(registry: Registry, caller: Caller, input: BusinessInput) {
  return registry.db.transaction((tx) => registerBusinessIn(registry, tx, caller, input));
}

export async function updateBusiness(registry: Registry, caller: Caller, id: string, patch: BusinessUpdate) {
  return registry.db.transaction((tx) => updateBusinessIn(registry, tx, caller, id, patch));
}

export async function createAgency(
  registry: Registry,
  caller: Caller,
  input: { code: string; name: string },
) {
  return registry.db.transaction((tx) => createAgencyIn(registry, tx, caller, input));
}

export async function createProgram(registry: Registry, caller: Caller, input: ProgramInput) {
  return registry.db.transaction((tx) => createProgramIn(registry, tx, caller, input));
}

export async function updateProgram(registry: Registry, caller: Caller, id: string, patch: ProgramUpdate) {
  return registry.db.transaction((tx) => updateProgramIn(registry, tx, caller, id, patch));
}

export async function createPeriod(registry: Registry, caller: Caller, input: PeriodInput) {
  return registry.db.transaction((tx) => createPeriodIn(registry, tx, caller, input));
}

export async function updatePeriod(registry: Registry, caller: Caller, id: string, patch: PeriodUpdate) {
  return registry.db.transaction((tx) => updatePeriodIn(registry, tx, caller, id, patch));
}

export async function enrollPerson(registry: Registry, caller: Caller, input: EnrollmentInput) {
  return registry.db.transaction((tx) => enrollPersonIn(registry, tx, caller, input));
}
