// The throttling plugin loads Bottleneck's light build; we load the same file (no second copy in the
// bundle), typed by the package's own declarations.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
