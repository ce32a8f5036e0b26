// electron-builder's Windows signing hook (win.signtoolOptions.sign in electron-builder.yml). The force's
// certificate never enters the repository: the build machine sets SCHAKEL_WINDOWS_SIGN_COMMAND, a command
// line in which {file} stands for the file to sign, for example
//   signtool sign /sha1 <certificate thumbprint> /fd sha256 /tr http://timestamp.example /td sha256 "{file}"
// (certificate in the machine store or on a smart card / HSM), or AzureSignTool / osslsigncode likewise.
// Without it the installers are unsigned, or the build fails when SCHAKEL_REQUIRE_SIGNING=1.
const { execSync } = require('node:child_process');

/** The command for one file; exported for the configuration test. */
function signCommand(template, file) {
  if (!template.includes('{file}')) throw new Error('SCHAKEL_WINDOWS_SIGN_COMMAND must contain {file} where the file to sign goes.');
  return template.split('{file}').join(file.replace(/"/g, ''));
}

async function sign(configuration) {
  const template = process.env.SCHAKEL_WINDOWS_SIGN_COMMAND;
  if (!template) {
    if (process.env.SCHAKEL_REQUIRE_SIGNING === '1') {
      throw new Error(`Refusing to leave ${configuration.path} unsigned: SCHAKEL_REQUIRE_SIGNING=1 but SCHAKEL_WINDOWS_SIGN_COMMAND is not set.`);
    }
    console.log(`  • not signing ${configuration.path} (SCHAKEL_WINDOWS_SIGN_COMMAND is not set)`);
    return;
  }
  // Only sha256 is configured, so each file is signed once.
  execSync(signCommand(template, configuration.path), { stdio: 'inherit' });
}

module.exports = sign;
module.exports.default = sign;
module.exports.signCommand = signCommand;
