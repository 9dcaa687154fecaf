/** The package's version, sent in the User-Agent header. A test keeps it equal to package.json's. */
export const sdkVersion = '0.1.0';
