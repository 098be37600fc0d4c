// Stands in for is-in-ci inside the bundle: see the alias in scripts/build.mjs.
export default false;
