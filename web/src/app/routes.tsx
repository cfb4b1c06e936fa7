import { type ComponentType, lazy, type ReactNode } from "react";
import { createBrowserRouter, Navigate, useLocation } from "react-router";
import { useAuth } from "../access/auth.tsx";
import { LoginPage } from "../access/LoginPage.tsx";
import { ErrorState, LoadingState } from "../ui/states.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteError } from "./RouteError.tsx";
import { Shell } from "./Shell.tsx";

const RELOADED_KEY = "salur.reloadedForUpdate";

/**
 * Pages load on first visit, so a phone downloads the form code only when someone opens a form. A page that
 * fails to load right after an update (the old index still open, its chunk gone) reloads the app once.
 */
function page(load: () => Promise<{ default: ComponentType }>) {
  return lazy(() =>
    load().then(
      (module) => {
        sessionStorage.removeItem(RELOADED_KEY);
        return module;
      },
      (error: unknown) => {
        if (!sessionStorage.getItem(RELOADED_KEY)) {
          sessionStorage.setItem(RELOADED_KEY, "1");
          window.location.reload();
        }
        throw error;
      },
    ),
  );
}

const HomePage = page(() => import("../home/HomePage.tsx"));
const PersonListPage = page(() => import("../registry/PersonListPage.tsx"));
const PersonDetailPage = page(() => import("../registry/PersonDetailPage.tsx"));
const PersonFormPage = page(() => import("../registry/PersonFormPage.tsx"));
const HouseholdPage = page(() => import("../registry/HouseholdPage.tsx"));
const HouseholdFormPage = page(() => import("../registry/HouseholdFormPage.tsx"));
const ProgramsPage = page(() => import("../registry/ProgramsPage.tsx"));
const ProgramPage = page(() => import("../registry/ProgramPage.tsx"));
const AgenciesPage = page(() => import("../registry/AgenciesPage.tsx"));
const UsersPage = page(() => import("../access/UsersPage.tsx"));
const RankingPage = page(() => import("../ranking/RankingPage.tsx"));
const FieldRegistrationPage = page(() => import("../registration/FieldRegistrationPage.tsx"));
const OverlapPage = page(() => import("../matching/OverlapPage.tsx"));
const ImportsPage = page(() => import("../imports/ImportsPage.tsx"));
const ImportPage = page(() => import("../imports/ImportPage.tsx"));
const ReconciliationsPage = page(() => import("../imports/ReconciliationsPage.tsx"));
const ReconciliationPage = page(() => import("../imports/ReconciliationPage.tsx"));
const QueuePage = page(() => import("../workflow/QueuePage.tsx"));
const ApplicationPage = page(() => import("../workflow/ApplicationPage.tsx"));
const AuditPage = page(() => import("../audit/AuditPage.tsx"));
const ReportsPage = page(() => import("../reports/ReportsPage.tsx"));
const DecreesPage = page(() => import("../decree/DecreesPage.tsx"));
const DecreePage = page(() => import("../decree/DecreePage.tsx"));
const PaymentsPage = page(() => import("../payments/PaymentsPage.tsx"));
const BatchPage = page(() => import("../payments/BatchPage.tsx"));
const LayoutsPage = page(() => import("../payments/LayoutsPage.tsx"));
const UncollectedPage = page(() => import("../payments/UncollectedPage.tsx"));
const PortalPage = page(() => import("../portal/PortalPage.tsx"));
const ComplaintsPage = page(() => import("../complaints/ComplaintsPage.tsx"));
const ComplaintPage = page(() => import("../complaints/ComplaintPage.tsx"));
const CivilRegistryPage = page(() => import("../civil-registry/CivilRegistryPage.tsx"));
const ReceiptsPage = page(() => import("../receipts/ReceiptsPage.tsx"));
const SamplesPage = page(() => import("../receipts/SamplesPage.tsx"));
const SamplePage = page(() => import("../receipts/SamplePage.tsx"));
const DistributionPointPage = page(() => import("../receipts/DistributionPointPage.tsx"));

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session.status === "loading") return <LoadingState />;
  if (session.status === "error")
    return <ErrorState error={session.error} onRetry={() => window.location.reload()} />;
  if (session.status === "anonymous") return <Navigate to="/masuk" replace state={{ from: location }} />;
  return children;
}

export const router = createBrowserRouter([
  { path: "/masuk", element: <LoginPage />, errorElement: <RouteError /> },
  {
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: "pengaduan", element: <ComplaintsPage /> },
      { path: "pengaduan/:id", element: <ComplaintPage /> },
      { path: "penduduk", element: <PersonListPage /> },
      { path: "penduduk/baru", element: <PersonFormPage /> },
      { path: "penduduk/:id", element: <PersonDetailPage /> },
      { path: "penduduk/:id/ubah", element: <PersonFormPage /> },
      { path: "kk/baru", element: <HouseholdFormPage /> },
      { path: "kk/:id", element: <HouseholdPage /> },
      { path: "program", element: <ProgramsPage /> },
      { path: "program/:id", element: <ProgramPage /> },
      { path: "portal-publik", element: <PortalPage /> },
      { path: "dinas", element: <AgenciesPage /> },
      { path: "pengguna", element: <UsersPage /> },
      { path: "peringkat", element: <RankingPage /> },
      { path: "pendataan", element: <FieldRegistrationPage /> },
      { path: "tumpang-tindih", element: <OverlapPage /> },
      { path: "impor", element: <ImportsPage /> },
      { path: "impor/:id", element: <ImportPage /> },
      { path: "rekonsiliasi", element: <ReconciliationsPage /> },
      { path: "rekonsiliasi/:id", element: <ReconciliationPage /> },
      { path: "antrian", element: <QueuePage /> },
      { path: "pengajuan/:id", element: <ApplicationPage /> },
      { path: "audit", element: <AuditPage /> },
      { path: "laporan", element: <ReportsPage /> },
      { path: "sk", element: <DecreesPage /> },
      { path: "sk/:id", element: <DecreePage /> },
      { path: "pembayaran", element: <PaymentsPage /> },
      { path: "pembayaran/tata-letak", element: <LayoutsPage /> },
      { path: "pembayaran/:id", element: <BatchPage /> },
      { path: "belum-diambil", element: <UncollectedPage /> },
      { path: "dukcapil", element: <CivilRegistryPage /> },
      { path: "penerimaan", element: <ReceiptsPage /> },
      { path: "penerimaan/sampel", element: <SamplesPage /> },
      { path: "penerimaan/sampel/:id", element: <SamplePage /> },
      { path: "penerimaan/titik-penyaluran", element: <DistributionPointPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
