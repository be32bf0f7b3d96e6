import { Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TokenView } from '../api/types';
import { useLocale } from '../i18n';
import { buildLineageTree, countTokens, type LineageNode, type PayableRoot } from '../lib/lineage';
import { Chart } from './Chart';
import { StatusTag } from './StatusTag';

function shortId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}

/**
 * A token's lineage drawn as a tree back to its payable: a chart for the picture, and the same tree as a nested
 * list (links, statuses, amounts) for reading, keyboard and screen readers.
 */
export function LineageTree({
  tokens,
  payable,
  focusId,
  linkTo,
}: {
  tokens: TokenView[];
  payable: PayableRoot;
  focusId?: string;
  linkTo?: (tokenId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { money } = useLocale();
  const root = buildLineageTree(tokens, payable, focusId);
  const currency = payable.currency ?? tokens[0]?.currency ?? 'CNY';

  type ChartNode = { name: string; value?: string; children: ChartNode[]; itemStyle?: object; label?: object; lineStyle?: object };
  const toChart = (n: LineageNode): ChartNode => {
    if (n.kind === 'payable') {
      return {
        name: `${t('lineage.payable')} ${payable.payableId}`,
        value: payable.amountMinor !== undefined ? money(payable.amountMinor, currency) : '',
        itemStyle: { color: '#0b5cad' },
        label: { fontWeight: 'bold' },
        children: n.children.map(toChart),
      };
    }
    const tok = n.token!;
    const focus = n.key === focusId;
    return {
      name: `${shortId(tok.tokenId ?? '')}\n${tok.holderId} · ${money(tok.amountMinor, tok.currency)}\n${t(`status.${tok.status}`, { defaultValue: tok.status })}`,
      value: tok.tokenId ?? '',
      itemStyle: { color: focus ? '#d4380d' : n.onPath ? '#0b5cad' : '#8c8c8c', borderColor: focus ? '#d4380d' : undefined },
      // inner nodes carry their label above the node, off the connecting line
      label:
        n.children.length > 0
          ? { fontWeight: focus ? 'bold' : 'normal', position: 'top', align: 'center', verticalAlign: 'bottom', distance: 10, backgroundColor: 'rgba(255,255,255,0.9)', padding: 2 }
          : { fontWeight: focus ? 'bold' : 'normal' },
      children: n.children.map(toChart),
    };
  };
  const depth = (n: LineageNode): number => 1 + Math.max(0, ...n.children.map(depth));
  const leaves = (n: LineageNode): number => (n.children.length === 0 ? 1 : n.children.reduce((s, c) => s + leaves(c), 0));
  const height = Math.max(200, leaves(root) * 70 + 40);
  const option: EChartsOption = {
    tooltip: { trigger: 'item', triggerOn: 'mousemove' },
    series: [
      {
        type: 'tree',
        data: [toChart(root)],
        top: 50,
        left: 190,
        bottom: 20,
        right: 230,
        orient: 'LR',
        symbolSize: 12,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 11, lineHeight: 14 },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
        lineStyle: { width: 1.5 },
        animationDuration: 300,
      },
    ],
  };

  const renderList = (n: LineageNode) => (
    <ul className="lineage-list">
      {n.children.map((c) => {
        const tok = c.token!;
        const href = linkTo?.(tok.tokenId ?? '');
        return (
          <li key={c.key} data-testid="lineage-node" data-token-id={tok.tokenId ?? ''} aria-current={c.key === focusId ? 'true' : undefined}>
            {href && c.key !== focusId ? <Link to={href}>{shortId(tok.tokenId ?? '')}</Link> : <Typography.Text strong={c.key === focusId}>{shortId(tok.tokenId ?? '')}</Typography.Text>}{' '}
            <span>{tok.holderId}</span> · <span className="money">{money(tok.amountMinor, tok.currency)}</span> <StatusTag status={tok.status} />
            {c.detached && <Typography.Text type="secondary"> ({t('lineage.detached')})</Typography.Text>}
            {c.children.length > 0 && renderList(c)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div data-testid="lineage-tree">
      <Chart option={option} height={Math.min(height, 600)} label={t('lineage.chartLabel', { count: countTokens(root), payable: payable.payableId, depth: depth(root) - 1 })} />
      <nav aria-label={t('lineage.listLabel')}>
        <div>
          <Typography.Text strong>
            {t('lineage.payable')} {payable.payableId}
          </Typography.Text>
          {payable.amountMinor !== undefined && <> · <span className="money">{money(payable.amountMinor, currency)}</span></>}
          {payable.obligorId && <Typography.Text type="secondary"> · {t('field.obligor')} {payable.obligorId}</Typography.Text>}
        </div>
        {renderList(root)}
      </nav>
    </div>
  );
}
