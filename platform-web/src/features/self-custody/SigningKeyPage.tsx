import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnrollKey } from '../../api/selfCustody';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSession } from '../../lib/auth';
import { BackupError, decryptBackup, encryptBackup, MIN_PASSPHRASE, parseBackup, type KeyBackup } from './backup';
import { certificateRequest, enrollmentIdFor } from './csr';
import { createKey, importKey, saveKey, type StoredKey } from './keyStore';
import { localKeyQuery, useSigningKey } from './useSigningKey';

type Busy = 'backup' | 'enroll' | 'restore' | null;

function download(backup: KeyBackup) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `scf-key-${backup.enterpriseId}-${backup.username}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Colon-separated groups of the hex fingerprint, as certificate viewers show it. */
const grouped = (hex?: string) => (hex ?? '').toUpperCase().match(/.{1,2}/g)?.join(':') ?? '';

/**
 * The user's own signing key: made in this browser (P-256, non-extractable, kept in IndexedDB), backed up once as
 * an encrypted file, enrolled by a certificate request; or restored from that file on another browser.
 */
export function SigningKeyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const owner = { enterpriseId: user.enterpriseId ?? '', username: user.username ?? '' };
  const { state, custody, key, identity, identities } = useSigningKey();
  const qc = useQueryClient();
  const enroll = useEnrollKey();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<Error | null>(null);
  const [withBackup, setWithBackup] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [restoreFile, setRestoreFile] = useState<File | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const stored = async (k: StoredKey) => {
    await saveKey(k);
    qc.setQueryData(localKeyQuery(owner.enterpriseId, owner.username), k);
  };
  const enrollKey = async (k: StoredKey) => {
    setBusy('enroll');
    await enroll.mutateAsync(await certificateRequest({ privateKey: k.privateKey, publicKey: k.publicKey }, enrollmentIdFor(owner.username)));
  };
  const run = (action: () => Promise<void>) => async () => {
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof BackupError ? new Error(t(`selfCustody.backupError.${e.reason}`)) : (e as Error));
    } finally {
      setBusy(null);
    }
  };

  const create = run(async () => {
    setBusy('backup');
    const k = await createKey(owner.enterpriseId, owner.username, async (pkcs8) => {
      if (withBackup) download(await encryptBackup(pkcs8, passphrase, owner));
    });
    await stored(k);
    setPassphrase('');
    setConfirm('');
    await enrollKey(k);
  });

  const restore = run(async () => {
    setBusy('restore');
    const backup = parseBackup(await restoreFile!.text());
    if (backup.enterpriseId !== owner.enterpriseId || backup.username !== owner.username) {
      throw new Error(t('selfCustody.restore.otherOwner', { username: backup.username, enterpriseId: backup.enterpriseId }));
    }
    const pkcs8 = await decryptBackup(backup, restorePassphrase);
    try {
      const k = await importKey(pkcs8, owner.enterpriseId, owner.username);
      await stored(k);
      setRestorePassphrase('');
      if (!identities.some((i) => i.publicKeyId === k.publicKeyId)) setNotice(t('selfCustody.restore.noCertificate'));
    } finally {
      pkcs8.fill(0);
    }
  });

  const passphraseOk = !withBackup || (passphrase.length >= MIN_PASSPHRASE && passphrase === confirm);
  return (
    <>
      <PageHeader title={t('selfCustody.title')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type={custody === 'SELF' ? 'info' : 'warning'}
          showIcon
          data-testid="custody"
          data-custody={custody ?? ''}
          title={t(custody === 'SELF' ? 'selfCustody.custodySelf' : 'selfCustody.custodyPlatform', { enterpriseId: owner.enterpriseId })}
          description={t(custody === 'SELF' ? 'selfCustody.custodySelfWhy' : 'selfCustody.custodyPlatformWhy')}
        />
        <ProblemAlert error={error ?? enroll.error} />
        {notice && <Alert type="warning" showIcon title={notice} data-testid="restore-notice" />}

        {state === 'READY' && identity && (
          <Card title={t('selfCustody.ready')} data-testid="key-ready">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('selfCustody.subject')}>
                <Typography.Text data-testid="certificate-subject">{identity.subject}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('selfCustody.fingerprint')}>
                <Typography.Text code copyable={{ text: identity.certificateId }} data-testid="certificate-fingerprint" data-fingerprint={identity.certificateId} style={{ wordBreak: 'break-all' }}>
                  {grouped(identity.certificateId)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('selfCustody.enrollmentId')}>{identity.enrollmentId}</Descriptions.Item>
              <Descriptions.Item label={t('selfCustody.msp')}>{identity.mspId}</Descriptions.Item>
              <Descriptions.Item label={t('selfCustody.keyHeld')}>
                <Tag color="green" style={{ color: '#135200' }}>{t('selfCustody.nonExtractable')}</Tag>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('selfCustody.lostHint')}
            </Typography.Paragraph>
          </Card>
        )}

        {state === 'NOT_ENROLLED' && key && (
          <Card title={t('selfCustody.notEnrolled')}>
            <Button type="primary" loading={busy === 'enroll'} onClick={run(() => enrollKey(key))} data-testid="enroll-key">
              {t('selfCustody.enroll')}
            </Button>
          </Card>
        )}

        <Card title={t(state === 'READY' ? 'selfCustody.create.replaceTitle' : 'selfCustody.create.title')}>
          <Typography.Paragraph>{t('selfCustody.create.explain')}</Typography.Paragraph>
          {state === 'READY' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('selfCustody.create.replaces')} />}
          <Form layout="vertical" onFinish={create} style={{ maxWidth: 520 }}>
            <Form.Item>
              <Checkbox checked={withBackup} onChange={(e) => setWithBackup(e.target.checked)} data-testid="with-backup">
                {t('selfCustody.create.withBackup')}
              </Checkbox>
            </Form.Item>
            {withBackup && (
              <>
                <Form.Item label={t('selfCustody.create.passphrase', { min: MIN_PASSPHRASE })} htmlFor="backup-passphrase" extra={t('selfCustody.create.passphraseHint')}>
                  <Input.Password id="backup-passphrase" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
                </Form.Item>
                <Form.Item label={t('selfCustody.create.confirm')} htmlFor="backup-passphrase-confirm"
                  validateStatus={confirm && confirm !== passphrase ? 'error' : undefined}
                  help={confirm && confirm !== passphrase ? t('selfCustody.create.mismatch') : undefined}>
                  <Input.Password id="backup-passphrase-confirm" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
                </Form.Item>
              </>
            )}
            <Flex gap={12} align="center" wrap>
              <Button type="primary" htmlType="submit" disabled={!passphraseOk || busy !== null} loading={busy === 'backup' || (busy === 'enroll' && !key)} data-testid="create-key">
                {t('selfCustody.create.button')}
              </Button>
              {busy && <Typography.Text role="status">{t(`selfCustody.busy.${busy}`)}</Typography.Text>}
            </Flex>
          </Form>
        </Card>

        <Card title={t('selfCustody.restore.title')}>
          <Typography.Paragraph>{t('selfCustody.restore.explain')}</Typography.Paragraph>
          <Form layout="vertical" onFinish={restore} style={{ maxWidth: 520 }}>
            <Form.Item label={t('selfCustody.restore.file')} htmlFor="restore-file">
              <input id="restore-file" type="file" accept="application/json,.json" onChange={(e) => setRestoreFile(e.target.files?.[0] ?? null)} />
            </Form.Item>
            <Form.Item label={t('selfCustody.restore.passphrase')} htmlFor="restore-passphrase">
              <Input.Password id="restore-passphrase" autoComplete="current-password" value={restorePassphrase} onChange={(e) => setRestorePassphrase(e.target.value)} />
            </Form.Item>
            <Button htmlType="submit" disabled={!restoreFile || !restorePassphrase || busy !== null} loading={busy === 'restore'} data-testid="restore-key">
              {t('selfCustody.restore.button')}
            </Button>
          </Form>
        </Card>
      </Space>
    </>
  );
}
