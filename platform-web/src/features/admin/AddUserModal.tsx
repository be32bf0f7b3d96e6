import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/enterprises';
import type { Enterprise } from '../../api/types';
import type { Role as UserRole } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';

export function AddUserModal({ enterprise, onClose }: { enterprise?: Enterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; password: string; role: UserRole }>();
  const add = useCreateUser(enterprise?.id);
  const roles: UserRole[] = enterprise?.role === 'PLATFORM' ? ['PLATFORM_ADMIN', 'AUDITOR'] : [enterprise?.role as UserRole];
  return (
    <Modal open={!!enterprise} title={t('admin.users.create', { enterprise: enterprise?.id })} okText={t('action.create')} okButtonProps={{ loading: add.isPending }} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: roles[0] }}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: () => {
              message.success(t('admin.users.created', { username: v.username }));
              onClose();
            },
          })
        }
      >
        <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('common.required') }, { pattern: /^[A-Za-z0-9._@-]{3,100}$/, message: t('admin.users.usernameFormat') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('common.required') }, { min: 12, message: t('admin.users.passwordLength') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('field.role')} name="role">
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <ProblemAlert error={add.error} />
      </Form>
    </Modal>
  );
}
