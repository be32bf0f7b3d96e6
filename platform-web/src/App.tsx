import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthProvider, homeOf, useAuth } from './auth/AuthContext';
import type { Role } from './api/models';
import { LocaleProvider } from './i18n';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { SupplierDashboard } from './pages/supplier/SupplierDashboard';
import { TokensPage } from './pages/supplier/TokensPage';
import { TokenPage } from './pages/supplier/TokenPage';
import { SplitPage } from './pages/supplier/SplitPage';
import { ApplicationStatusPage, ApplicationsPage, FinancingNewPage } from './pages/supplier/FinancingPages';
import { BankApplicationPage, PortfolioPage, UnderwritingQueuePage } from './pages/bank/BankPages';
import { CalendarPage, ImportPage, PayablePage, PayablesPage, RegisterPayablePage } from './pages/core/CorePages';
import { EnterprisesPage, KycQueuePage } from './pages/admin/AdminPages';

/** Pages for the roles the API would let act on them; anyone else is sent home (the API enforces it anyway). */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(session.user.role)) {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenBody')} />;
  }
  return <>{children}</>;
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
const guard = (roles: Role[], el: ReactNode) => <RequireRole roles={roles}>{el}</RequireRole>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<Home />} />
      <Route element={<AppLayout />}>
        <Route path="/supplier" element={guard(S, <SupplierDashboard />)} />
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
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </LocaleProvider>
  );
}
