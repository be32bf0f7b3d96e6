import { QueryClientProvider } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { newQueryClient } from '../api/queryClient';
import type { Role } from '../api/types';
import { LoginPage } from '../features/auth/LoginPage';
import { LocaleProvider } from '../i18n';
import { AuthProvider, homeOf, useAuth } from '../lib/auth';

// Every page but the login one is loaded when first visited, so the login screen does not load the charts.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

// the frame after login (menu, drawer) is not needed to log in either
const AppLayout = page(() => import('./AppLayout'), 'AppLayout');
const SupplierDashboardPage = page(() => import('../features/dashboard/SupplierDashboardPage'), 'SupplierDashboardPage');
const TokensPage = page(() => import('../features/tokens/TokensPage'), 'TokensPage');
const TokenPage = page(() => import('../features/tokens/TokenPage'), 'TokenPage');
const SplitPage = page(() => import('../features/tokens/SplitPage'), 'SplitPage');
const ApplicationsPage = page(() => import('../features/financing/ApplicationsPage'), 'ApplicationsPage');
const FinancingNewPage = page(() => import('../features/financing/FinancingNewPage'), 'FinancingNewPage');
const ApplicationStatusPage = page(() => import('../features/financing/ApplicationStatusPage'), 'ApplicationStatusPage');
const UnderwritingQueuePage = page(() => import('../features/financing/UnderwritingQueuePage'), 'UnderwritingQueuePage');
const BankApplicationPage = page(() => import('../features/financing/BankApplicationPage'), 'BankApplicationPage');
const PortfolioPage = page(() => import('../features/financing/PortfolioPage'), 'PortfolioPage');
const PayablesPage = page(() => import('../features/payables/PayablesPage'), 'PayablesPage');
const PayablePage = page(() => import('../features/payables/PayablePage'), 'PayablePage');
const RegisterPayablePage = page(() => import('../features/payables/RegisterPayablePage'), 'RegisterPayablePage');
const ImportPage = page(() => import('../features/payables/ImportPage'), 'ImportPage');
const CalendarPage = page(() => import('../features/payables/CalendarPage'), 'CalendarPage');
const EnterprisesPage = page(() => import('../features/admin/EnterprisesPage'), 'EnterprisesPage');
const KycQueuePage = page(() => import('../features/kyc/KycQueuePage'), 'KycQueuePage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const TokenHistoryPage = page(() => import('../features/audit/TokenHistoryPage'), 'TokenHistoryPage');
const SigningKeyPage = page(() => import('../features/self-custody/SigningKeyPage'), 'SigningKeyPage');

/** Pages for the roles the API would let act on them; anyone else is sent home (the API enforces it anyway). */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(session.user.role)) {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenBody')} />;
  }
  return <Suspense fallback={<Spin style={{ display: 'block', padding: 32 }} />}>{children}</Suspense>;
}

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homeOf(session.user.role) : '/login'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('error.notFoundTitle')} />;
}

const S: Role[] = ['SUPPLIER'];
const B: Role[] = ['BANK'];
const C: Role[] = ['CORE'];
const CA: Role[] = ['CORE', 'AUDITOR'];
const A: Role[] = ['PLATFORM_ADMIN'];
const AUDIT: Role[] = ['AUDITOR', 'PLATFORM_ADMIN'];
const SIGNERS: Role[] = ['BANK', 'CORE', 'SUPPLIER'];
/** A token's history: auditors, and the token's own parties (the API answers 404 to anyone else). */
const HISTORY: Role[] = ['AUDITOR', 'BANK', 'CORE', 'SUPPLIER'];
const guard = (roles: Role[], el: ReactNode) => <RequireRole roles={roles}>{el}</RequireRole>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<Home />} />
      <Route
        element={
          <Suspense fallback={<Spin style={{ display: 'block', padding: 32 }} />}>
            <AppLayout />
          </Suspense>
        }
      >
        <Route path="/supplier" element={guard(S, <SupplierDashboardPage />)} />
        <Route path="/supplier/tokens" element={guard(S, <TokensPage />)} />
        <Route path="/supplier/tokens/:tokenId" element={guard(S, <TokenPage />)} />
        <Route path="/supplier/tokens/:tokenId/split" element={guard(S, <SplitPage />)} />
        <Route path="/supplier/financing" element={guard(S, <ApplicationsPage />)} />
        <Route path="/supplier/financing/new" element={guard(S, <FinancingNewPage />)} />
        <Route path="/supplier/financing/:applicationId" element={guard(S, <ApplicationStatusPage />)} />
        <Route path="/bank" element={guard(B, <UnderwritingQueuePage />)} />
        <Route path="/bank/applications/:applicationId" element={guard(B, <BankApplicationPage />)} />
        <Route path="/bank/portfolio" element={guard(B, <PortfolioPage />)} />
        <Route path="/core" element={<Navigate to="/core/payables" replace />} />
        <Route path="/core/payables" element={guard(CA, <PayablesPage />)} />
        <Route path="/core/payables/new" element={guard(C, <RegisterPayablePage />)} />
        <Route path="/core/payables/:payableId" element={guard(CA, <PayablePage />)} />
        <Route path="/core/import" element={guard(C, <ImportPage />)} />
        <Route path="/core/calendar" element={guard(C, <CalendarPage />)} />
        <Route path="/admin" element={<Navigate to="/admin/enterprises" replace />} />
        <Route path="/admin/enterprises" element={guard(A, <EnterprisesPage />)} />
        <Route path="/admin/kyc" element={guard(A, <KycQueuePage />)} />
        <Route path="/audit" element={guard(AUDIT, <AuditPage />)} />
        <Route path="/audit/tokens/:tokenId" element={guard(HISTORY, <TokenHistoryPage />)} />
        <Route path="/signing-key" element={guard(SIGNERS, <SigningKeyPage />)} />
        <Route path="/notifications" element={guard(SIGNERS, <NotificationsPage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(newQueryClient);
  return (
    <LocaleProvider>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </LocaleProvider>
  );
}
