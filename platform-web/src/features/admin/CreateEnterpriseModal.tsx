import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateEnterprise } from '../../api/enterprises';
import type { EnterpriseRole } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';

export function CreateEnterpriseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ id: string; name: string; role: EnterpriseRole; kycHash?: string }>();
  const create = useCreateEnterprise();
  return (
    <Modal open={open} title={t('admin.enterprises.create')} okText={t('action.create')} okButtonProps={{ loading: create.isPending }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'SUPPLIER' }}
        onFinish={(v) => create.mutate({ ...v, kycHash: v.kycHash?.trim() || undefined }, { onSuccess: onClose })}
      >
        <Form.Item label={t('admin.enterprises.id')} name="id" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Z0-9][A-Z0-9_-]{2,63}$/, message: t('admin.enterprises.idFormat') }]}>
          <Input autoComplete="off" onChange={(e) => form.setFieldValue('id', e.target.value.toUpperCase())} />
        </Form.Item>
        <Form.Item label={t('admin.enterprises.name')} name="name" rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('field.role')} name="role" rules={[{ required: true }]}>
          <Select options={(['CORE', 'SUPPLIER', 'BANK'] as const).map((r) => ({ value: r, label: t(`enterpriseRole.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('admin.enterprises.kycHash')} name="kycHash" rules={[{ pattern: /^[0-9a-f]{64}$/, message: t('core.register.hex') }]} extra={t('admin.enterprises.kycHashHelp')}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <ProblemAlert error={create.error} />
      </Form>
    </Modal>
  );
}
