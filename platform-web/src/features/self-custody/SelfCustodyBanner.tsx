import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useAuth } from '../../lib/auth';
import { onSigningState, selfCustodySigning, setSigner, signingState, type SigningState } from './signing';
import { useSigningKey } from './useSigningKey';

export const SIGNING_KEY_PATH = '/signing-key';

let installed = false;

/** Every write through the typed client is signed here when the API asks for the user's signature (202). */
function installSigning() {
  if (installed) return;
  api.use(selfCustodySigning);
  installed = true;
}

/** "Signing with your key": shown while a write waits for this browser's signatures. */
function SigningIndicator() {
  const { t } = useTranslation();
  const [state, setState] = useState<SigningState | null>(signingState);
  useEffect(() => onSigningState(setState), []);
  return (
    <div role="status" aria-live="polite" className="signing-indicator" data-testid="signing-indicator" data-step={state?.step ?? ''}>
      {state && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          title={t('selfCustody.signing', { transaction: state.transaction })}
          description={t(state.step === 'PROPOSAL' ? 'selfCustody.signingProposal' : 'selfCustody.signingTransaction')}
        />
      )}
    </div>
  );
}

/**
 * On every page after login: a user whose enterprise signs for itself and who has no key in this browser is told so
 * before anything else, with the way to create or restore one; and the state of a signature in progress.
 */
export function SelfCustodyBanner() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { state } = useSigningKey();
  useEffect(() => {
    installSigning();
    setSigner(session ? { enterpriseId: session.user.enterpriseId, username: session.user.username } : null);
    return () => setSigner(null);
  }, [session]);
  const needsKey = (state === 'MISSING' || state === 'NOT_ENROLLED') && location.pathname !== SIGNING_KEY_PATH;
  return (
    <>
      {needsKey && (
        <Alert
          type="warning"
          showIcon
          icon={<KeyOutlined />}
          data-testid="create-key-banner"
          className="create-key-banner"
          style={{ marginBottom: 16 }}
          title={t(state === 'MISSING' ? 'selfCustody.banner.missing' : 'selfCustody.banner.notEnrolled')}
          description={t('selfCustody.banner.why')}
          action={
            <Button type="primary" size="large" onClick={() => navigate(SIGNING_KEY_PATH)} data-testid="create-key-link">
              {t('selfCustody.banner.go')}
            </Button>
          }
        />
      )}
      <SigningIndicator />
    </>
  );
}
