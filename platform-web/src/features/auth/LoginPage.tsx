import { Button, Form, Input, Typography, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { asApiError, type ApiError } from '../../api/problem';
import { LanguageButtons } from '../../components/LanguageButtons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { homeOf, useAuth } from '../../lib/auth';

export function LoginPage() {
  const { t } = useTranslation();
  const { session, login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to={homeOf(session.user.role)} replace />;
  const from = (location.state as { from?: string } | null)?.from;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: 'linear-gradient(160deg,#0b2a4a 0%,#164c80 100%)', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 400 }}>
        {/* a plain panel, not Card: Card brings the tab strip's code to the one page that must load fast */}
        <div className="login-panel">
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
              {t('app.name')}
            </Typography.Title>
            <LanguageButtons />
          </Flex>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {expired && !error && <Typography.Paragraph type="warning">{t('login.expired')}</Typography.Paragraph>}
          <Form
            layout="vertical"
            requiredMark={false}
            onFinish={async (v: { username: string; password: string }) => {
              setBusy(true);
              setError(undefined);
              try {
                const s = await login(v.username.trim(), v.password);
                navigate(from && from !== '/login' ? from : homeOf(s.user.role), { replace: true });
              } catch (e) {
                setError(asApiError(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <ProblemAlert error={error} />
            <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 12 }}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </Flex>
  );
}
