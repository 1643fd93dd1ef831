/** An XLIFF 1.2 file from another tool (OmegaT 3.6) whose target does not say where it came from: "origin unknown". */
export const UNTOLD_XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext" tool-id="omt">
    <header><tool tool-id="omt" tool-name="OmegaT" tool-version="3.6"/></header>
    <body>
      <trans-unit id="1"><source>The storm closed roads.</source><target state="translated">La tormenta cerró carreteras.</target></trans-unit>
    </body>
  </file>
</xliff>`;
