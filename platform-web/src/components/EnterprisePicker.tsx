import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../api/enterprises';
import type { Counterparty, CounterpartyRole } from '../api/types';

const SEARCH_DELAY_MS = 250;

/** The text after the user stopped typing for a moment, so a search is not sent per keystroke. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

export interface EnterprisePickerProps {
  id?: string;
  /** Only counterparties of this role are offered: suppliers for splits and beneficiaries, banks, core enterprises. */
  role: CounterpartyRole;
  value?: string;
  onChange?: (enterpriseId: string | undefined) => void;
  /** Enterprises that make no sense here (the caller's own, one already picked). */
  exclude?: string[];
  placeholder?: string;
  'aria-label'?: string;
  disabled?: boolean;
  /** Pixels; the picker fills its container otherwise. */
  width?: number;
}

/**
 * Picks an active enterprise by its id or legal name (what the user types is searched on the server, in whatever
 * language the name is written), so a typo is caught before anything is sent. The value is the enterprise's id.
 */
export function EnterprisePicker({ id, role, value, onChange, exclude = [], placeholder, disabled, width, ...aria }: EnterprisePickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const settled = useSettled(text);
  const directory = useDirectory(role, settled);
  const offered = (directory.data?.items ?? []).filter(
    (c: Counterparty): c is Counterparty & { id: string } => !!c.id && !exclude.includes(c.id),
  );
  const options = offered.map((c) => ({
    value: c.id,
    title: c.id,
    label: (
      <span>
        {c.name} <Typography.Text type="secondary">· {c.id}</Typography.Text>
      </span>
    ),
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, title: value, label: <span>{value}</span> });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value || undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      loading={directory.isFetching}
      placeholder={placeholder ?? t('picker.placeholder')}
      notFoundContent={directory.isFetching ? t('common.loading') : t('picker.none')}
      disabled={disabled}
      aria-label={aria['aria-label']}
      style={{ width: width ?? '100%' }}
      data-testid={id ? `${id}-picker` : undefined}
    />
  );
}
