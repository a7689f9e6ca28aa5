export {
  type Cycle,
  type EdgeFilter,
  EDGE_KINDS,
  filterEdges,
  findCycles,
  indexGraph,
  tarjan,
  compareStrings,
} from './scc.js';
export {
  type Coupling,
  type ModuleCoupling,
  type FolderCoupling,
  type FolderEdge,
  computeCoupling,
  couplingOf,
  folderOf,
} from './coupling.js';
export {
  type ForbiddenRule,
  type RulesConfig,
  type Severity,
  type Violation,
  checkRules,
  parseRulesConfig,
} from './rules.js';
