/** Style sheets imported for their side effect (Vite bundles them): no exports to type. */
declare module '*.css';
