/** The node kinds' colours and names, shared by the renderer, the legend and the panel. */
import type { NodeLabel } from '../../src/graph/model.js';

export const KINDS: readonly NodeLabel[] = ['Person', 'Organization', 'Event', 'Place', 'Article'];

/** Distinct in hue and lightness, so that they also read for the colour-blind and on grey. */
export const KIND_COLORS: Record<NodeLabel, string> = {
  Person: '#d1495b',
  Organization: '#00798c',
  Event: '#edae49',
  Place: '#66a182',
  Article: '#8d6a9f',
};

export const KIND_NAMES: Record<NodeLabel, string> = {
  Person: 'Person 人物',
  Organization: 'Organization 机构',
  Event: 'Event 活动',
  Place: 'Place 地点',
  Article: 'Article 文章',
};

export const ROLE_NAMES: Record<string, string> = {
  led: 'led 带队',
  presided: 'presided 主持',
  spoke: 'spoke 讲话',
  attended: 'attended 出席',
  accompanied: 'accompanied 陪同',
  organized: 'organized 组织',
};
