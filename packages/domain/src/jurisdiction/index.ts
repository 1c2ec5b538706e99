/** The Shanghai jurisdiction tree (辖区) and pure helpers over division codes. */
export * from './shanghai.ts';
export * from './scope.ts';
