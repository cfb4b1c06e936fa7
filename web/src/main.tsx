import "./app/styles.ts";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { AuthProvider } from "./access/auth.tsx";
import { ApiError, NETWORK_ERROR } from "./api/client.ts";
import { router } from "./app/routes.tsx";
import { cssVariablesResolver, theme } from "./app/theme.ts";
import { LanguageProvider } from "./i18n/language.tsx";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Village connections drop often: retry a lost connection or a server hiccup, never a 4xx answer.
      retry: (failures, error) =>
        failures < 2 && error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </LanguageProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
