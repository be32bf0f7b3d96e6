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

/** A counterparty the directory offered, with the id it always has. */
export type PickedEnterprise = Counterparty & { id: string };

export interface EnterprisePickerProps {
  id?: string;
  /** Only counterparties of this role are offered: suppliers for splits and beneficiaries, banks, core enterprises. */
  role: CounterpartyRole;
  value?: string;
  /** The id picked (undefined when cleared) and the counterparty it belongs to, for its legal name. */
  onChange?: (enterpriseId: string | undefined, picked?: PickedEnterprise) => void;
  /** The caller's own enterprise: never offered, and shown as "your enterprise" when it is the value (a split's remainder). */
  self?: string;
  /** Other enterprises that make no sense here, e.g. the obligor of a split token. */
  exclude?: (string | undefined)[];
  placeholder?: string;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  status?: 'error';
  disabled?: boolean;
  /** Pixels; the picker fills its container otherwise. */
  width?: number;
}

/**
 * Picks an active enterprise by its id or legal name (what the user types is searched on the server, in whatever
 * language the name is written), so a typo is caught before anything is sent. The value is the enterprise's id.
 * It is Ant Design's searchable Select: an ARIA combobox with a listbox, arrows to move, Enter to choose (Enter
 * never submits the form around it), Escape to close.
 */
export function EnterprisePicker({ id, role, value, onChange, self, exclude = [], placeholder, disabled, width, status, ...aria }: EnterprisePickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // the counterparty last picked, so its name stays shown once the search has moved on
  const [picked, setPicked] = useState<PickedEnterprise>();
  const settled = useSettled(text);
  const directory = useDirectory(role, settled);
  // the directory answers only the role asked for; checked here as well, as what is offered is what gets signed
  const offered = (directory.data?.items ?? []).filter(
    (c: Counterparty): c is PickedEnterprise => !!c.id && c.role === role && c.id !== self && !exclude.includes(c.id),
  );
  const option = (c: PickedEnterprise) => ({
    value: c.id,
    title: c.id,
    label: (
      <span>
        {c.name} <Typography.Text type="secondary">· {c.id}</Typography.Text>
      </span>
    ),
  });
  const options = offered.map(option);
  if (value && !options.some((o) => o.value === value)) {
    const known = picked?.id === value ? picked : value === self ? { id: value, name: t('picker.self') } : undefined;
    options.unshift(known ? option(known) : { value, title: value, label: <span>{value}</span> });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value || undefined}
      onChange={(v: string | undefined) => {
        const c = offered.find((o) => o.id === v) ?? (picked?.id === v ? picked : undefined);
        setPicked(c);
        onChange?.(v, c);
      }}
      options={options}
      loading={directory.isFetching}
      placeholder={placeholder ?? t('picker.placeholder')}
      notFoundContent={directory.isFetching ? t('common.loading') : t('picker.none')}
      disabled={disabled}
      status={status}
      aria-label={aria['aria-label']}
      aria-invalid={aria['aria-invalid']}
      aria-describedby={aria['aria-describedby']}
      style={{ width: width ?? '100%' }}
      data-testid={id ? `${id}-picker` : undefined}
    />
  );
}
