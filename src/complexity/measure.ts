import type * as TS from 'typescript';

/**
 * Cognitive complexity after G. Ann Campbell's white paper "Cognitive Complexity" (SonarSource,
 * Appendix B), and cyclomatic complexity counted as ESLint's `complexity` rule does, per function of
 * a JS/TS file, walking the TypeScript compiler's syntax tree (no type checking, so it is fast).
 *
 * Cognitive, per the white paper:
 * - +1 (plus the nesting level) for `if`, `?:`, `switch`, `for`/`for-in`/`for-of`, `while`,
 *   `do-while`, `catch`;
 * - +1 (no nesting increment) for `else if` and `else`, for `break`/`continue` to a label, for each
 *   sequence of like binary logical operators (`a && b && c` is one, `a && b || c` two), and once for
 *   a function that calls itself;
 * - the nesting level grows inside those structures and inside nested functions (lambdas), whose
 *   increments count toward the function they sit in;
 * - `try`, `finally`, plain `break`/`continue`, `??` and `?.` (null-coalescing shorthand) add nothing.
 *
 * Cyclomatic: 1 + one per `if`, `?:`, non-default `case`, loop, `catch`, `&&`, `||`, `??` and
 * logical assignment; nested functions' decision points count toward the function they sit in.
 */
export interface FunctionComplexity {
  /** `name`, `Class.method`, or `<anonymous>`; the variable name for `const f = () => ...`. */
  name: string;
  /** 1-based first line of the function. */
  line: number;
  endLine: number;
  cognitive: number;
  cyclomatic: number;
}

type Ts = typeof TS;

/** Every top-level function, method and function-valued variable of the file, in source order. */
export function measureSource(ts: Ts, fileName: string, text: string): FunctionComplexity[] {
  const kind = /\.(tsx|jsx)$/i.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.(ts|mts|cts)$/i.test(fileName)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const out: FunctionComplexity[] = [];
  const visit = (node: TS.Node, owner: string | undefined): void => {
    if (isFunctionLike(ts, node) && node.body) {
      const name = functionName(ts, node, owner);
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      out.push({ name, line: start, endLine: end, ...measureFunction(ts, node) });
      return; // nested functions belong to this one
    }
    if (ts.isClassLike(node)) {
      const className = node.name?.text ?? owner ?? '<anonymous class>';
      ts.forEachChild(node, (c) => visit(c, className));
      return;
    }
    ts.forEachChild(node, (c) => visit(c, owner));
  };
  visit(sf, undefined);
  return out;
}

type FunctionNode = TS.FunctionLikeDeclaration;

function isFunctionLike(ts: Ts, node: TS.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function propertyName(ts: Ts, name: TS.PropertyName | TS.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (
    ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNumericLiteral(name)
  )
    return name.text;
  return undefined;
}

function functionName(ts: Ts, node: FunctionNode, owner: string | undefined): string {
  let own: string | undefined;
  if (ts.isConstructorDeclaration(node)) own = 'constructor';
  else own = propertyName(ts, node.name);
  if (!own) {
    const p = node.parent;
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))
      own = propertyName(ts, p.name);
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken)
      own = p.left.getText();
    else if (ts.isExportAssignment(p)) own = 'default';
  }
  const isMember =
    ts.isClassLike(node.parent) ||
    (node.parent && ts.isPropertyDeclaration(node.parent) && ts.isClassLike(node.parent.parent));
  const base = own ?? '<anonymous>';
  return isMember && owner ? `${owner}.${base}` : base;
}

/** The identifier a function calls itself by, if it has one. */
function selfName(ts: Ts, node: FunctionNode): { name: string; viaThis: boolean } | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name)
    return { name: node.name.text, viaThis: false };
  if (ts.isMethodDeclaration(node)) {
    const n = propertyName(ts, node.name);
    return n ? { name: n, viaThis: true } : undefined;
  }
  const p = node.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { name: p.name.text, viaThis: false };
  return undefined;
}

function isLogical(ts: Ts, node: TS.Node): node is TS.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  );
}

function unparen(ts: Ts, node: TS.Node): TS.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}

/** The operators of a logical expression read left to right, looking through parentheses only. */
function flattenOperators(ts: Ts, node: TS.Node, out: TS.SyntaxKind[]): void {
  const n = unparen(ts, node);
  if (isLogical(ts, n)) {
    flattenOperators(ts, n.left, out);
    out.push(n.operatorToken.kind);
    flattenOperators(ts, n.right, out);
  }
}

export function measureFunction(ts: Ts, fn: FunctionNode): { cognitive: number; cyclomatic: number } {
  let cognitive = 0;
  let cyclomatic = 1;
  const self = selfName(ts, fn);
  let recursive = false;
  /** Logical expressions already counted as part of an enclosing sequence. */
  const counted = new Set<TS.Node>();
  const K = ts.SyntaxKind;

  const walk = (node: TS.Node | undefined, nesting: number): void => {
    if (!node) return;
    const nest = (child: TS.Node | undefined) => walk(child, nesting + 1);
    const same = (child: TS.Node | undefined) => walk(child, nesting);
    switch (node.kind) {
      case K.IfStatement: {
        const s = node as TS.IfStatement;
        // An `else if` was already counted by its parent, flat, and sits at the parent's level.
        cognitive += 1 + nesting;
        cyclomatic++;
        same(s.expression);
        nest(s.thenStatement);
        let alt = s.elseStatement;
        while (alt) {
          if (ts.isIfStatement(alt)) {
            cognitive += 1;
            cyclomatic++;
            same(alt.expression);
            nest(alt.thenStatement);
            alt = alt.elseStatement;
          } else {
            cognitive += 1;
            nest(alt);
            alt = undefined;
          }
        }
        return;
      }
      case K.ConditionalExpression: {
        const c = node as TS.ConditionalExpression;
        cognitive += 1 + nesting;
        cyclomatic++;
        same(c.condition);
        nest(c.whenTrue);
        nest(c.whenFalse);
        return;
      }
      case K.SwitchStatement: {
        const s = node as TS.SwitchStatement;
        cognitive += 1 + nesting;
        same(s.expression);
        for (const clause of s.caseBlock.clauses) {
          if (ts.isCaseClause(clause)) {
            cyclomatic++;
            same(clause.expression);
          }
          for (const st of clause.statements) nest(st);
        }
        return;
      }
      case K.ForStatement:
      case K.ForInStatement:
      case K.ForOfStatement:
      case K.WhileStatement:
      case K.DoStatement: {
        cognitive += 1 + nesting;
        cyclomatic++;
        const loop = node as TS.IterationStatement;
        ts.forEachChild(node, (c) => (c === loop.statement ? nest(c) : same(c)));
        return;
      }
      case K.CatchClause: {
        cognitive += 1 + nesting;
        cyclomatic++;
        nest((node as TS.CatchClause).block);
        return;
      }
      case K.BreakStatement:
      case K.ContinueStatement:
        if ((node as TS.BreakOrContinueStatement).label) cognitive += 1;
        return;
      case K.BinaryExpression: {
        const b = node as TS.BinaryExpression;
        const op = b.operatorToken.kind;
        if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken)
          cyclomatic++;
        if (
          op === K.AmpersandAmpersandEqualsToken ||
          op === K.BarBarEqualsToken ||
          op === K.QuestionQuestionEqualsToken
        ) {
          cyclomatic++;
        }
        if (isLogical(ts, b) && !counted.has(b)) {
          const ops: TS.SyntaxKind[] = [];
          flattenOperators(ts, b, ops);
          for (let i = 0; i < ops.length; i++) if (i === 0 || ops[i] !== ops[i - 1]) cognitive += 1;
          markSequence(b);
        }
        ts.forEachChild(node, same);
        return;
      }
      case K.CallExpression: {
        const callee = unparen(ts, (node as TS.CallExpression).expression);
        if (self) {
          if (!self.viaThis && ts.isIdentifier(callee) && callee.text === self.name) recursive = true;
          if (
            self.viaThis &&
            ts.isPropertyAccessExpression(callee) &&
            callee.expression.kind === K.ThisKeyword &&
            callee.name.text === self.name
          ) {
            recursive = true;
          }
        }
        ts.forEachChild(node, same);
        return;
      }
      default:
        if (isFunctionLike(ts, node) || ts.isClassLike(node)) {
          // Nested functions and classes deepen nesting without an increment of their own.
          ts.forEachChild(node, nest);
          return;
        }
        ts.forEachChild(node, same);
    }
  };

  const markSequence = (node: TS.Node): void => {
    const n = unparen(ts, node);
    if (isLogical(ts, n)) {
      counted.add(n);
      markSequence(n.left);
      markSequence(n.right);
    }
  };

  if (fn.body && ts.isBlock(fn.body)) ts.forEachChild(fn.body, (c) => walk(c, 0));
  else walk(fn.body, 0);
  for (const p of fn.parameters) if (p.initializer) walk(p.initializer, 0);
  if (recursive) cognitive += 1;
  return { cognitive, cyclomatic };
}
