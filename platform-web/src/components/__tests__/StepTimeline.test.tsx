import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render';
import type { TimelineEvent } from '../../api/types';
import { StepTimeline } from '../StepTimeline';

const disbursed: TimelineEvent = {
  id: 7, at: '2026-12-01T02:00:00Z', actorId: 'u1', actorName: '王经理', action: 'DISBURSED', fromStatus: 'APPROVED', toStatus: 'DISBURSED',
  facts: { tokenId: 'P-1.0', counterpartyId: 'BANK-A', amountMinor: 150_000_000, currency: 'CNY', advanceMinor: 148_800_000, reference: 'PAY-9' },
};
const refused: TimelineEvent = {
  id: 8, at: '2026-12-01T02:00:00Z', actorId: 'u1', actorName: 'maker', action: 'APPROVAL_REFUSED_BY_LEDGER', fromStatus: 'APPROVING', toStatus: 'SUBMITTED',
  facts: { problemCode: 'MATURED', detail: 'token P-1.0 matured on 2026-11-30' },
};

describe('step timeline', () => {
  it('words a step in Chinese with its amounts formatted from minor units', () => {
    renderWithApp(<StepTimeline entries={[disbursed]} testId="tl" />, 'zh-CN');
    const tl = screen.getByTestId('tl');
    expect(tl).toHaveTextContent('已放款');
    expect(tl).toHaveTextContent('放款金额 ¥1,488,000.00');
    expect(tl).toHaveTextContent('票面金额 ¥1,500,000.00');
    expect(tl).toHaveTextContent('付款流水号 PAY-9');
    expect(tl).not.toHaveTextContent('148800000');
  });

  it('words it in English too, and keeps technical detail behind a disclosure', () => {
    renderWithApp(<StepTimeline entries={[disbursed, refused]} testId="tl" />);
    const tl = screen.getByTestId('tl');
    expect(tl).toHaveTextContent('Advance paid');
    expect(tl).toHaveTextContent('advance CN¥1,488,000.00');
    expect(tl).toHaveTextContent('The ledger refused the approval');
    expect(screen.getByText('token P-1.0 matured on 2026-11-30').closest('details')).not.toBeNull();
  });
});
